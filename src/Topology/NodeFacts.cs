namespace HpcWekaSlurm.Topology;

/// <summary>A node's hardware as slurm.conf describes it, and the WEKA reservation in both numberings.</summary>
public sealed record NodeFacts
{
    public required string NodeName { get; init; }
    public required int Cpus { get; init; }
    public required int Boards { get; init; }
    public required int SocketsPerBoard { get; init; }
    public required int CoresPerSocket { get; init; }
    public required int ThreadsPerCore { get; init; }

    /// <summary>MiB, as <c>slurmd -C</c> reports it.</summary>
    public required long RealMemory { get; init; }

    /// <summary>OS CPU ids for wekafs <c>core=</c> (empty: no reservation).</summary>
    public required IReadOnlyList<int> WekaCores { get; init; }

    /// <summary>All OS CPUs of WEKA's physical cores, hyperthread siblings included.</summary>
    public required IReadOnlyList<int> WekaCpus { get; init; }

    /// <summary>The NUMA node WEKA's cores were picked from (the NIC's), when known.</summary>
    public int? WekaNumaNode { get; init; }

    /// <summary>Slurm abstract ids of <see cref="WekaCpus"/>, range-compressed (null: no reservation).</summary>
    public string? CpuSpecList { get; init; }

    /// <summary>N when CoreSpecCount=N reserves exactly WEKA's cores, else null.</summary>
    public int? CoreSpecCount { get; init; }

    public long? MemSpecLimit { get; init; }

    public required NodeLine NodeLine { get; init; }

    public required SlurmCpuMap CpuMap { get; init; }

    public required IReadOnlyList<string> Warnings { get; init; }
}
