using System.Text.Json.Nodes;

namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>Generated inventories (YAML inventory plugin; JSON is YAML), one host per node.</summary>
public static class Inventory
{
    /// <summary>Debian's python on the nodes and here (the first python3 on this machine's PATH lacks Debian's modules).</summary>
    public const string Python = "/usr/bin/python3";

    /// <summary>
    /// Every node under its name with ansible_host = its container, reached with community.docker.docker
    /// (docker exec: no SSH, no network); groups from <see cref="NodeSpec.Groups"/>.
    /// </summary>
    public static JsonObject ForCluster(Cluster cluster, IReadOnlyDictionary<string, JsonObject>? hostVars = null)
    {
        var hosts = new JsonObject();
        var groups = new JsonObject();
        foreach (var node in cluster.Nodes)
        {
            hosts[node.Name] = WithVars(new JsonObject { ["ansible_host"] = node.ContainerName }, hostVars, node.Name);
            foreach (var group in node.Groups)
            {
                var members = groups[group] ??= new JsonObject { ["hosts"] = new JsonObject() };
                members["hosts"]![node.Name] = new JsonObject();
            }
        }

        RejectUnknownHosts(hostVars, cluster.Nodes.Select(n => n.Name));
        return new JsonObject
        {
            ["all"] = new JsonObject
            {
                ["vars"] = new JsonObject
                {
                    ["ansible_connection"] = "community.docker.docker",
                    ["ansible_user"] = "root",
                    ["ansible_python_interpreter"] = Python,
                },
                ["hosts"] = hosts,
                ["children"] = groups,
            },
        };
    }

    /// <summary>This machine as "localhost" with the local connection.</summary>
    public static JsonObject Local(IReadOnlyDictionary<string, JsonObject>? hostVars = null)
    {
        RejectUnknownHosts(hostVars, ["localhost"]);
        var localhost = WithVars(
            new JsonObject { ["ansible_connection"] = "local", ["ansible_python_interpreter"] = Python }, hostVars, "localhost");
        return new JsonObject { ["all"] = new JsonObject { ["hosts"] = new JsonObject { ["localhost"] = localhost } } };
    }

    private static JsonObject WithVars(JsonObject vars, IReadOnlyDictionary<string, JsonObject>? hostVars, string host)
    {
        if (hostVars?.GetValueOrDefault(host) is { } extra)
        {
            foreach (var (key, value) in extra)
            {
                vars[key] = value?.DeepClone();
            }
        }

        return vars;
    }

    private static void RejectUnknownHosts(IReadOnlyDictionary<string, JsonObject>? hostVars, IEnumerable<string> hosts)
    {
        var unknown = (hostVars?.Keys ?? []).Except(hosts).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"host vars for hosts not in the inventory: {string.Join(", ", unknown)}", nameof(hostVars));
        }
    }
}
