namespace HpcWekaSlurm.Topology;

/// <summary>
/// A physical core: its package, the kernel's core_id (unique only within a package, and often
/// with gaps) and its hardware threads in hwloc's PU order, which is ascending OS CPU id.
/// </summary>
public sealed record PhysicalCore(int PackageId, int CoreId, IReadOnlyList<int> Cpus)
{
    public int FirstCpu => Cpus[0];
}

/// <summary>A package (socket) and its cores, both in hwloc's logical order.</summary>
public sealed record Socket(int PackageId, IReadOnlyList<PhysicalCore> Cores);

/// <summary>One online CPU as the kernel describes it in sysfs (cpuN/topology).</summary>
public sealed record LogicalCpu(int Id, int PackageId, int CoreId, IReadOnlyList<int> ThreadSiblings);
