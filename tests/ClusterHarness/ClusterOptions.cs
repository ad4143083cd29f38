namespace HpcWekaSlurm.ClusterHarness;

/// <summary>What <see cref="Cluster.StartAsync"/> creates.</summary>
public sealed record ClusterOptions
{
    /// <summary>Debian suite of the node image: bookworm (Slurm 22.05) or trixie (Slurm 24.11); HPC_TEST_SUITE sets the default.</summary>
    public string Suite { get; init; } = Environment.GetEnvironmentVariable("HPC_TEST_SUITE") is { Length: > 0 } s ? s : "bookworm";

    public required IReadOnlyList<NodeSpec> Nodes { get; init; }

    /// <summary>Run `apt-get update` on every node once it is up, so the local repository is ready to install from.</summary>
    public bool AptUpdate { get; init; } = true;

    /// <summary>
    /// The cluster outlives this process (make demo): it is labelled as persistent, never reaped as a
    /// leftover, and removed by <see cref="Cluster.RemovePersistentAsync"/> (make demo-clean).
    /// </summary>
    public bool Persistent { get; init; }

    /// <summary>Bound on creating the network and the containers and on systemd reaching "running".</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromMinutes(3);
}
