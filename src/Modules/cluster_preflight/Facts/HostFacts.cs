namespace HpcWekaSlurm.Modules.ClusterPreflight.Facts;

/// <summary>
/// What one node reports for the cluster-wide checks (<c>ansible_facts.cluster_preflight</c>, documented
/// under RETURN in the sidecar). Gathering writes it, comparing reads it back: <see cref="FactsJson"/>
/// is the single mapping between the two.
/// </summary>
public sealed record HostFacts
{
    public required string Hostname { get; init; }

    public required ClockFact Clock { get; init; }

    /// <summary>Account name to its ids; null when the account does not exist (yet).</summary>
    public required IReadOnlyDictionary<string, AccountFact?> Accounts { get; init; }

    /// <summary>Controller name to what resolving it gave on this node.</summary>
    public required IReadOnlyDictionary<string, ResolutionFact> Controllers { get; init; }

    public required MemoryFact Memory { get; init; }

    public required CgroupFact Cgroup { get; init; }

    /// <summary>Interface name to its device's NUMA placement.</summary>
    public required IReadOnlyDictionary<string, NicFact> Nics { get; init; }

    public required WekaFact Weka { get; init; }

    public required PackagesFact Packages { get; init; }

    public required MungeKeyFact MungeKey { get; init; }
}

/// <param name="Epoch">This node's clock (Unix time, sub-second), read first thing, test offset included.</param>
/// <param name="ReferenceEpoch">The Ansible controller's clock when it sent the task (the reference_epoch option).</param>
/// <param name="TestOffsetSeconds">The clock_offset_seconds test hook's value, already added to <paramref name="Epoch"/>.</param>
public sealed record ClockFact(double Epoch, double? ReferenceEpoch, double TestOffsetSeconds)
{
    /// <summary>This node's clock minus the controller's, plus the delay of sending the task (the same order on every node).</summary>
    public double? OffsetSeconds => ReferenceEpoch is { } reference ? Epoch - reference : null;
}

/// <param name="Gid">The gid of the group named like the account (what slurm_gid/munge_gid set), null when there is none.</param>
public sealed record AccountFact(long Uid, long PrimaryGid, long? Gid);

public sealed record ResolutionFact(IReadOnlyList<string> Addresses, string? Error)
{
    public bool Resolved => Addresses.Count > 0;
}

/// <param name="RealMemory">MiB, as slurmd computes RealMemory from MemTotal and the page size.</param>
public sealed record MemoryFact(long MemTotalKiB, long PageSize, long RealMemory);

/// <param name="Hierarchy">v1, hybrid, v2 or unknown.</param>
/// <param name="Controllers">The controllers Slurm's cgroup plugin would find.</param>
public sealed record CgroupFact(string Root, string Hierarchy, IReadOnlyList<string> Controllers);

/// <param name="LocalCpus">The device's local CPUs as a CPU list (null: the kernel does not say, e.g. a veth or a bond).</param>
/// <param name="Error">Why the interface could not be read (it does not exist, with the interfaces that do).</param>
public sealed record NicFact(bool Exists, int? NumaNode, string? LocalCpus, string? Error);

/// <param name="AgentUnit">The weka-agent unit or init script found, or null.</param>
/// <param name="Cli">The weka command found on PATH, or null.</param>
public sealed record WekaFact(string? AgentUnit, string? Cli, string ServiceConf, bool ServiceConfExists)
{
    public bool AgentInstalled => AgentUnit is not null;
}

/// <param name="Manager">apt, dnf, yum, or null when none was found.</param>
/// <param name="Installed">Installed Slurm and munge packages and their versions.</param>
/// <param name="SlurmVersions">Upstream versions of the installed Slurm packages (several: a mixed install).</param>
/// <param name="SlurmDaemonVersion">What <c>slurmd -V</c> (or slurmctld, slurmdbd) says, also for Slurm built from source.</param>
/// <param name="MungeVersion">Upstream version of the munge package.</param>
public sealed record PackagesFact(
    string? Manager,
    IReadOnlyDictionary<string, string> Installed,
    IReadOnlyList<string> SlurmVersions,
    string? SlurmDaemonVersion,
    string? MungeVersion,
    string? Error);

/// <param name="Fingerprint">SHA-256 of the key bytes (never the key), null when there is no key.</param>
public sealed record MungeKeyFact(string Path, string? Fingerprint, int? Size, string? Error);
