namespace HpcWekaSlurm.CpuAudit;

/// <summary>Where the audit found the CPUs WEKA's client is pinned to.</summary>
public enum WekaCpuSource
{
    /// <summary>Nowhere: no WEKA cgroup with a cpuset, no wekafs mount with core=.</summary>
    None,

    /// <summary>The WEKA client's cpuset cgroup (what the kernel enforces).</summary>
    Cgroup,

    /// <summary>The <c>core=</c> options of the wekafs mounts in mountinfo.</summary>
    MountOptions,
}

/// <summary>What the host shows right now, read by <see cref="LiveReader"/>; the audit's input besides the topology and Slurm's report.</summary>
public sealed record LiveState
{
    /// <summary>OS CPU ids.</summary>
    public required IReadOnlyList<int> WekaCpus { get; init; }

    public required WekaCpuSource WekaSource { get; init; }

    /// <summary>The WEKA cgroup directory the CPUs came from, or the one looked for.</summary>
    public required string? WekaCgroup { get; init; }

    /// <summary>slurmd's cpuset cgroup and the CPUs written in it (empty: not set), when it exists.</summary>
    public CgroupCpus? Slurmd { get; init; }

    public WekaMounts Mounts { get; init; } = WekaMounts.None;

    public long? HugepagesMiB { get; init; }

    /// <summary>What could not be read and why the audit did without it.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
