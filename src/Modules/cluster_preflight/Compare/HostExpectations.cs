using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>The ids an account must have, from the inventory (slurm_uid, slurm_gid...); null: not set there.</summary>
public sealed record AccountIds(long? Uid, long? Gid);

/// <summary>What the inventory asks of one node: the settings its facts are checked against.</summary>
public sealed record HostExpectations
{
    /// <summary>The node runs slurmd (login or compute): memory and cgroup checks apply.</summary>
    public bool Slurmd { get; init; }

    public IReadOnlyDictionary<string, AccountIds> Accounts { get; init; } = new Dictionary<string, AccountIds>();

    /// <summary>RealMemory set in the inventory (slurm_node_settings); null: slurm_node_facts computes it, so it fits.</summary>
    public long? RealMemory { get; init; }

    /// <summary>MemSpecLimit the node line will carry (weka_memory_mb + os_memory_mb, or set in slurm_node_settings).</summary>
    public long? MemSpecLimit { get; init; }

    public string CgroupPlugin { get; init; } = "autodetect";

    /// <summary>OS CPU ids WEKA runs on (DPDK mounts); null: none given.</summary>
    public IReadOnlyList<long>? WekaCores { get; init; }

    public string? WekaNic { get; init; }

    /// <summary>WEKA must be mounted here (weka_mount_state: mounted): the WEKA client must be installed.</summary>
    public bool WekaMount { get; init; }

    /// <exception cref="FormatException">A value has the wrong type; the message names its path.</exception>
    public static HostExpectations Read(JsonFields? f)
    {
        if (f is null)
        {
            return new HostExpectations();
        }

        return new HostExpectations
        {
            Slurmd = f.Bool("slurmd"),
            Accounts = f.OptionalDict("accounts") is { } accounts
                ? accounts.Keys.ToDictionary(
                    k => k,
                    k => accounts.OptionalDict(k) is { } ids ? new AccountIds(ids.OptionalLong("uid"), ids.OptionalLong("gid")) : new AccountIds(null, null),
                    StringComparer.Ordinal)
                : new Dictionary<string, AccountIds>(),
            RealMemory = f.OptionalLong("real_memory"),
            MemSpecLimit = f.OptionalLong("mem_spec_limit"),
            CgroupPlugin = f.OptionalStr("cgroup_plugin") ?? "autodetect",
            WekaCores = f.OptionalLongList("weka_cores"),
            WekaNic = f.OptionalStr("weka_nic"),
            WekaMount = f.Bool("weka_mount"),
        };
    }
}
