using System.Text.RegularExpressions;
using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.Slurm.SlurmConf;

/// <summary>
/// The mistakes slurmd only logs (or that drain a node later), found before the file is written.
/// Each message names the node. Errors stop the write; warnings are reported.
/// </summary>
public static partial class SlurmConfValidator
{
    [GeneratedRegex(@"^CR_(?:[A-Za-z]+_)?Memory$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MemoryParameter();

    public static (IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings) Validate(ConfDocument document, IReadOnlyDictionary<string, NodeHardware> hardware)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var selectParameters = ConfText.ToDisplay(document.SettingValue("SelectTypeParameters") ?? string.Empty);
        var memoryScheduled = selectParameters.Split(',', StringSplitOptions.TrimEntries).Any(MemoryParameter().IsMatch);
        var taskPlugin = ConfText.ToDisplay(document.SettingValue("TaskPlugin") ?? string.Empty);
        var taskCgroup = taskPlugin.Split(',', StringSplitOptions.TrimEntries).Any(p => string.Equals(p, "task/cgroup", StringComparison.OrdinalIgnoreCase) || string.Equals(p, "cgroup", StringComparison.OrdinalIgnoreCase));

        var nodes = NodeDefinition.All(document);
        foreach (var node in nodes)
        {
            try
            {
                CheckNode(node, memoryScheduled, selectParameters, taskCgroup, hardware, errors, warnings);
            }
            catch (FormatException e)
            {
                errors.Add($"node {node.Name}: {e.Message}");
            }
        }

        CheckPartitions(document, nodes, errors, warnings);
        return (errors, warnings);
    }

    private static void CheckNode(NodeDefinition node, bool memoryScheduled, string selectParameters, bool taskCgroup,
        IReadOnlyDictionary<string, NodeHardware> hardware, List<string> errors, List<string> warnings)
    {
        var cpuSpec = node["CpuSpecList"];
        var coreSpec = node.Number("CoreSpecCount");
        var memSpec = node.Number("MemSpecLimit");
        var cpus = node.Cpus;

        if (cpuSpec is not null && coreSpec is > 0)
        {
            errors.Add($"node {node.Name}: CpuSpecList and CoreSpecCount are mutually exclusive (slurmd resets CoreSpecCount to 0); keep one");
        }

        if (cpuSpec is not null && cpus is { } total)
        {
            IReadOnlyList<int> ids;
            try
            {
                ids = CpuIdList.Parse(cpuSpec);
            }
            catch (FormatException e)
            {
                throw new FormatException($"CpuSpecList: {e.Message}");
            }

            var beyond = ids.Where(id => id >= total).ToList();
            if (beyond.Count > 0)
            {
                errors.Add($"node {node.Name}: CpuSpecList={cpuSpec} names CPU id {string.Join(",", beyond)} but the node has {total} CPUs (ids 0-{total - 1}); slurmd would ignore the whole list");
            }
        }

        if (coreSpec is > 0 && cpus is { } cpuCount && coreSpec * node.ThreadsPerCore >= cpuCount)
        {
            errors.Add($"node {node.Name}: CoreSpecCount={coreSpec} reserves every core of the node ({cpuCount} CPUs), leaving none for jobs");
        }

        if (memSpec is { } limit)
        {
            if (!node.HasRealMemory)
            {
                errors.Add($"node {node.Name}: MemSpecLimit={limit} needs RealMemory on the node (Slurm's default RealMemory is 1 MiB)");
            }
            else if (limit >= node.RealMemory)
            {
                errors.Add($"node {node.Name}: MemSpecLimit={limit} must be below RealMemory={node.RealMemory} (MiB), else no memory is left for jobs");
            }

            if (!memoryScheduled)
            {
                errors.Add($"node {node.Name}: MemSpecLimit has no effect unless SelectTypeParameters has a CR_*_Memory value (it is '{selectParameters}'); set e.g. SelectTypeParameters=CR_Core_Memory");
            }
        }

        if ((cpuSpec is not null || coreSpec is > 0) && !taskCgroup)
        {
            warnings.Add($"node {node.Name}: {(cpuSpec is not null ? "CpuSpecList" : "CoreSpecCount")} has no effect on jobs without TaskPlugin=task/cgroup (and ConstrainCores=yes in cgroup.conf)");
        }

        foreach (var host in node.Hosts)
        {
            if (!hardware.TryGetValue(host, out var real))
            {
                continue;
            }

            if (real.RealMemory is { } memory && node.HasRealMemory && node.RealMemory > memory)
            {
                errors.Add($"node {host}: RealMemory={node.RealMemory} is above the {memory} MiB the node has; slurmctld would drain it (\"Low RealMemory\")");
            }

            if (real.Cpus is { } realCpus && cpus is { } configured && configured > realCpus)
            {
                errors.Add($"node {host}: CPUs={configured} is above the {realCpus} CPUs the node has; slurmctld would drain it");
            }
        }
    }

    /// <summary>slurmctld refuses to start when a partition names a node no NodeName line defines.</summary>
    private static void CheckPartitions(ConfDocument document, IReadOnlyList<NodeDefinition> nodes, List<string> errors, List<string> warnings)
    {
        var includes = document.Records.Any(r => r.Kind == ConfRecordKind.Include);
        var defined = nodes.SelectMany(n => n.Hosts).ToHashSet(StringComparer.Ordinal);
        var nodeSets = document.LineIndexes("NodeSet").Select(i => ConfText.ToDisplay(document.Records[i].Name!)).ToHashSet(StringComparer.Ordinal);
        foreach (var index in document.LineIndexes("PartitionName"))
        {
            var record = document.Records[index];
            var name = ConfText.ToDisplay(record.Name!);
            if (record.ValueOf("Nodes") is not { } value)
            {
                continue;
            }

            var list = ConfText.ToDisplay(value);
            if (string.Equals(list, "ALL", StringComparison.OrdinalIgnoreCase) || list.Length == 0)
            {
                continue;
            }

            try
            {
                var missing = Hostlist.Expand(list).Where(h => !defined.Contains(h) && !nodeSets.Contains(h)).ToList();
                if (missing.Count > 0 && includes)
                {
                    warnings.Add($"partition {name}: Nodes={list} names {Hostlist.Compress(missing)}, which this file does not define (an included file may)");
                }
                else if (missing.Count > 0)
                {
                    errors.Add($"partition {name}: Nodes={list} names {Hostlist.Compress(missing)}, which no NodeName line defines; slurmctld would not start");
                }
            }
            catch (FormatException e)
            {
                errors.Add($"partition {name}: Nodes={list} is not a valid host list: {e.Message}");
            }
        }
    }
}
