namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// On slurmd nodes: a RealMemory above what slurmd finds makes slurmctld drain the node ("Low
/// RealMemory", and it stays drained), and MemSpecLimit must leave memory for jobs below RealMemory.
/// </summary>
public static class MemoryRule
{
    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var nodes = input.Hosts.Where(h => h.Expect.Slurmd).ToList();
        var tooHigh = nodes
            .Where(h => h.Expect.RealMemory > h.Facts.Memory.RealMemory)
            .Select(h => new HostIssue(h.Name, $"RealMemory={h.Expect.RealMemory} in the inventory, but slurmd finds {h.Facts.Memory.RealMemory} MiB"))
            .ToList();
        if (tooHigh.Count > 0)
        {
            yield return new Problem(
                Checks.RealMemory,
                "RealMemory is above the memory slurmd finds: slurmctld drains the node (\"Low RealMemory\") and it stays drained",
                tooHigh,
                "lower RealMemory in slurm_node_settings to at most what slurmd finds, or drop it there: slurm_node_facts computes it as slurmd does");
        }

        var noRoom = nodes
            .Where(h => h.Expect.MemSpecLimit is { } limit && limit >= (h.Expect.RealMemory ?? h.Facts.Memory.RealMemory))
            .Select(h => new HostIssue(h.Name, $"MemSpecLimit={h.Expect.MemSpecLimit} is not below RealMemory={h.Expect.RealMemory ?? h.Facts.Memory.RealMemory}"))
            .ToList();
        if (noRoom.Count > 0)
        {
            yield return new Problem(
                Checks.MemSpecLimit,
                "MemSpecLimit (weka_memory_mb + os_memory_mb) leaves no memory for jobs: it must be below RealMemory",
                noRoom,
                "lower weka_memory_mb and os_memory_mb (or MemSpecLimit in slurm_node_settings) for these nodes, or give them more memory");
        }
    }
}
