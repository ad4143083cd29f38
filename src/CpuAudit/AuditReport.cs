namespace HpcWekaSlurm.CpuAudit;

/// <summary>MemSpecLimit against the memory WEKA's client holds (MiB; null where unknown).</summary>
public sealed record MemoryAudit(long? MemSpecLimit, long? RealMemory, long? HugepagesMiB, long? WekaMountMemoryMb)
{
    /// <summary>WEKA's memory: the host's hugepages when there are any, else the mounts' memory_mb.</summary>
    public long? WekaMemory => HugepagesMiB is > 0 ? HugepagesMiB : WekaMountMemoryMb;

    /// <summary>How much of WEKA's memory Slurm may still give to jobs (0: none); null when WEKA's memory is unknown.</summary>
    public long? Shortfall => WekaMemory is { } weka ? Math.Max(0, weka - (MemSpecLimit ?? 0)) : null;

    public bool? Ok => Shortfall is { } s ? s == 0 : null;
}

/// <summary>The audit's findings, all CPU ids in the OS numbering.</summary>
public sealed record AuditReport
{
    public required string NodeName { get; init; }

    public required IReadOnlyList<int> WekaCpus { get; init; }

    public required WekaCpuSource WekaSource { get; init; }

    public required string? WekaCgroup { get; init; }

    /// <summary>CPUs Slurm keeps from jobs (CPUSpecList or CoreSpecCount, whole cores).</summary>
    public required IReadOnlyList<int> SlurmReservedCpus { get; init; }

    /// <summary>CPUs Slurm may give to jobs.</summary>
    public required IReadOnlyList<int> JobCpus { get; init; }

    /// <summary>WEKA CPUs that jobs may use.</summary>
    public required IReadOnlyList<int> Overlap { get; init; }

    /// <summary>Hyperthread siblings of WEKA's CPUs (not WEKA's themselves) that jobs may use.</summary>
    public required IReadOnlyList<int> UnreservedSiblings { get; init; }

    /// <summary>Reserved CPUs on no WEKA core: lost to jobs without serving WEKA (empty when WEKA's CPUs are unknown).</summary>
    public required IReadOnlyList<int> OverReserved { get; init; }

    /// <summary>The CpuSpecList (Slurm's abstract ids) that reserves exactly WEKA's cores; null when WEKA's CPUs are unknown.</summary>
    public required string? ExpectedCpuSpecList { get; init; }

    public required CgroupCpus? Slurmd { get; init; }

    public required MemoryAudit Memory { get; init; }

    /// <summary>One line: the outcome, the CPUs at fault and the fix.</summary>
    public required string Verdict { get; init; }

    /// <summary>Problems besides an overlap (over-reservation, memory, slurmd, what could not be read).</summary>
    public required IReadOnlyList<string> Warnings { get; init; }

    public bool HasOverlap => Overlap.Count > 0;
}
