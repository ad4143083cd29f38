using System.Text.Json;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Slurm.Host;
using HpcWekaSlurm.Slurm.SlurmConf;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmConf;

/// <summary>
/// What each node really has: the node_hardware option (node name -> {cpus, real_memory}, the keys
/// slurm_node_facts returns), plus this host's own figures from <c>slurmd -C</c> when slurmd is here.
/// </summary>
public static class NodeHardwareOption
{
    public static IReadOnlyDictionary<string, NodeHardware> Read(JsonObject? option, string? slurmd)
    {
        var hardware = new Dictionary<string, NodeHardware>(StringComparer.Ordinal);
        foreach (var (node, value) in option ?? [])
        {
            if (value is not JsonObject facts)
            {
                throw new ModuleFailure($"option 'node_hardware': the value for '{node}' must be a dict with cpus and/or real_memory");
            }

            hardware[node] = new NodeHardware(Number(facts, "cpus", node), Number(facts, "real_memory", node));
        }

        var self = HostCommands.ShortHostName();
        if (slurmd is not null && !hardware.ContainsKey(self) && SlurmProbe.Hardware(HostCommands.Run, slurmd) is { } local)
        {
            hardware[self] = local;
        }

        return hardware;
    }

    private static long? Number(JsonObject facts, string key, string node) => facts[key] switch
    {
        null => null,
        JsonValue v when v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out long n) && n >= 0 => n,
        JsonValue v when v.GetValueKind() == JsonValueKind.String && long.TryParse(v.GetValue<string>(), out var n) && n >= 0 => n,
        _ => throw new ModuleFailure($"option 'node_hardware': {node}.{key} must be a whole number"),
    };
}
