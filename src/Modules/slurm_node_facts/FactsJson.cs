using System.Globalization;
using System.Text.Json.Nodes;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.Modules.SlurmNodeFacts;

/// <summary>The <c>ansible_facts.slurm_node</c> dict (documented under RETURN in the sidecar).</summary>
public static class FactsJson
{
    public static JsonObject From(NodeFacts facts, HostTopology topology)
    {
        var nodeConfig = new JsonObject();
        foreach (var (key, value) in facts.NodeLine.Settings)
        {
            nodeConfig[key] = value is long number ? JsonValue.Create(number) : JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture));
        }

        return new JsonObject
        {
            ["node_name"] = facts.NodeName,
            ["cpus"] = facts.Cpus,
            ["boards"] = facts.Boards,
            ["sockets_per_board"] = facts.SocketsPerBoard,
            ["cores_per_socket"] = facts.CoresPerSocket,
            ["threads_per_core"] = facts.ThreadsPerCore,
            ["real_memory"] = facts.RealMemory,
            ["weka_cores"] = Ints(facts.WekaCores),
            ["weka_cpus"] = Ints(facts.WekaCpus),
            ["weka_numa_node"] = facts.WekaNumaNode,
            ["cpu_spec_list"] = facts.CpuSpecList,
            ["core_spec_count"] = facts.CoreSpecCount,
            ["mem_spec_limit"] = facts.MemSpecLimit,
            ["node_line"] = facts.NodeLine.ToString(),
            ["node_config"] = nodeConfig,
            ["online_cpus"] = CpuList.Format(topology.OnlineCpus),
            ["numa_nodes"] = new JsonObject(topology.NumaNodes.OrderBy(kv => kv.Key)
                .Select(kv => KeyValuePair.Create(kv.Key.ToString(CultureInfo.InvariantCulture), (JsonNode?)CpuList.Format(kv.Value)))),
            ["cpu_map"] = Ints(facts.CpuMap.AbstractToOs),
        };
    }

    private static JsonArray Ints(IEnumerable<int> ids) => new([.. ids.Select(i => (JsonNode?)i)]);
}
