using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.SlurmConf;

/// <summary>What a node really has (from slurmd -C or slurm_node_facts), to catch a RealMemory that would drain it.</summary>
public sealed record NodeHardware(long? Cpus, long? RealMemory);

/// <summary>The slurm.conf a task asks for: global keys, node and partition lines, and what to check against.</summary>
public sealed record SlurmConfRequest
{
    /// <summary>Global keys in Slurm's spelling; a null value removes the key.</summary>
    public IReadOnlyList<KeyValuePair<string, DesiredValue?>> Settings { get; init; } = [];

    public IReadOnlyList<LineSpec> Nodes { get; init; } = [];

    public IReadOnlyList<LineSpec> Partitions { get; init; } = [];

    /// <summary>Remove node lines (or the hosts of a line) not named in <see cref="Nodes"/>.</summary>
    public bool ExclusiveNodes { get; init; }

    /// <summary>Remove partition lines not named in <see cref="Partitions"/>.</summary>
    public bool ExclusivePartitions { get; init; }

    /// <summary>Hardware known per node name.</summary>
    public IReadOnlyDictionary<string, NodeHardware> Hardware { get; init; } = new Dictionary<string, NodeHardware>();

    public VersionRules Rules { get; init; } = new(null);
}
