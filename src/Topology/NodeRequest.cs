namespace HpcWekaSlurm.Topology;

/// <summary>How the node line reserves WEKA's cores.</summary>
public enum SpecStyle
{
    /// <summary>CpuSpecList=abstract ids (always possible).</summary>
    CpuSpecList,

    /// <summary>CoreSpecCount=N (only when N cores chosen by Slurm are exactly WEKA's).</summary>
    CoreSpecCount,
}

/// <summary>WEKA's network interface and the NUMA node of its device (null: the kernel does not say).</summary>
public sealed record NicLocation(string Name, int? NumaNode);

/// <summary>What to compute for a node: its name and the WEKA reservation, in the module's option terms.</summary>
public sealed record NodeRequest
{
    public required string NodeName { get; init; }

    /// <summary>OS CPU ids as given to wekafs <c>core=</c>, one per physical core.</summary>
    public IReadOnlyList<int>? WekaCores { get; init; }

    /// <summary>How many physical cores to pick for WEKA (instead of <see cref="WekaCores"/>).</summary>
    public int? WekaCoreCount { get; init; }

    public NicLocation? WekaNic { get; init; }

    public long? WekaMemoryMb { get; init; }

    public long? OsMemoryMb { get; init; }

    public SpecStyle SpecStyle { get; init; } = SpecStyle.CpuSpecList;

    /// <summary>Page size of the host (only rounds RealMemory the way slurmd does).</summary>
    public long PageSize { get; init; } = 4096;
}
