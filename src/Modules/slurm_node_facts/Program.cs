using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.Modules.SlurmNodeFacts;

/// <summary>
/// Reports the node's hardware as slurm.conf wants it and the WEKA core reservation in both CPU
/// numberings. Read-only: never changed, and check mode runs the same.
/// </summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    public static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var root = p.Str("root")!;
        var onThisHost = Path.GetFullPath(root) == "/";
        var reader = new SysfsReader(root);
        try
        {
            var topology = reader.Read();
            var request = new NodeRequest
            {
                NodeName = p.Str("node_name") ?? reader.ShortHostname() ?? (onThisHost
                    ? Environment.MachineName.Split('.')[0]
                    : throw new ModuleFailure($"option 'node_name': not given, and {Path.Combine(root, "proc/sys/kernel/hostname")} is missing")),
                WekaCores = p.Has("weka_cores") ? [.. p.IntList("weka_cores").Select(id => ToInt(id, "weka_cores"))] : null,
                WekaCoreCount = p.Int("weka_core_count") is { } count ? ToInt(count, "weka_core_count") : null,
                WekaNic = p.Str("weka_nic") is { } nic ? new NicLocation(nic, NicNumaNode(reader, nic)) : null,
                WekaMemoryMb = p.Int("weka_memory_mb"),
                OsMemoryMb = p.Int("os_memory_mb"),
                SpecStyle = p.Str("spec_style") == "core_spec_count" ? SpecStyle.CoreSpecCount : SpecStyle.CpuSpecList,
                // The page size only rounds RealMemory; a tree gathered elsewhere is read as a 4 KiB-page host.
                PageSize = onThisHost ? Environment.SystemPageSize : 4096,
            };

            var facts = NodeFactsCalculator.Compute(topology, request);
            context.Result.Warnings.AddRange(facts.Warnings);
            context.Result.Msg = facts.NodeLine.ToString();
            context.Result.Set("ansible_facts", new JsonObject { ["slurm_node"] = FactsJson.From(facts, topology) });
        }
        catch (TopologyException e)
        {
            throw new ModuleFailure(e.Message);
        }
    }

    private static int? NicNumaNode(SysfsReader reader, string nic)
    {
        try
        {
            return reader.NicNumaNode(nic);
        }
        catch (TopologyException e)
        {
            throw new ModuleFailure($"option 'weka_nic': {e.Message}");
        }
    }

    private static int ToInt(long value, string option) =>
        value is >= int.MinValue and <= int.MaxValue ? (int)value : throw new ModuleFailure($"option '{option}': {value} is out of range");
}
