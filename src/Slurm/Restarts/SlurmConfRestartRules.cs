using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.Restarts;

/// <summary>
/// Which slurm.conf changes need a daemon restart and which <c>scontrol reconfigure</c> applies,
/// per Slurm release (slurm.conf(5) of 22.05 and 24.05/24.11; see <see cref="VersionRules"/>).
/// </summary>
public static class SlurmConfRestartRules
{
    private static readonly string[] Ctld = [Daemons.Slurmctld];
    private static readonly string[] Both = [Daemons.Slurmctld, Daemons.Slurmd];
    private static readonly string[] Node = [Daemons.Slurmd];

    /// <summary>
    /// Before 24.05: the keys slurm.conf(5) says need a restart, plus the plugin types each daemon
    /// loads only at start (a reconfigure keeps the loaded plugin).
    /// </summary>
    private static readonly Dictionary<string, string[]> RestartBefore2405 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AccountingStorageEnforce"] = Ctld,
        ["AccountingStorageType"] = Ctld,
        ["AuthAltTypes"] = Both,
        ["AuthType"] = Both,
        ["BackupController"] = Ctld,
        ["ClusterName"] = Ctld,
        ["ControlMachine"] = Ctld,
        ["CoreSpecPlugin"] = Node,
        ["CredType"] = Both,
        ["GresTypes"] = Both,
        ["JobAcctGatherType"] = Node,
        ["JobContainerType"] = Both,
        ["LaunchType"] = Node,
        ["MaxJobCount"] = Ctld,
        ["MaxNodeCount"] = Ctld,
        ["PluginDir"] = Both,
        ["PowerPlugin"] = Ctld,
        ["ProctrackType"] = Both,
        ["SchedulerType"] = Ctld,
        ["SelectType"] = Both,
        ["SelectTypeParameters"] = Ctld,
        ["SlurmctldHost"] = Ctld,
        ["SlurmctldPidFile"] = Ctld,
        ["SlurmctldPort"] = Ctld,
        ["SlurmdPidFile"] = Node,
        ["SlurmdPort"] = Both,
        ["SlurmdSpoolDir"] = Node,
        ["SlurmdUser"] = Node,
        ["SlurmUser"] = Ctld,
        ["StateSaveLocation"] = Ctld,
        ["SwitchType"] = Both,
        ["TaskPlugin"] = Node,
        ["TopologyPlugin"] = Both,
    };

    /// <summary>
    /// From 24.05 reconfigure re-executes the daemons: only TCP listeners and authentication need a
    /// restart (and ClusterName, which slurmctld checks against its saved state when it starts).
    /// </summary>
    private static readonly Dictionary<string, string[]> RestartFrom2405 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["AuthAltTypes"] = Both,
        ["AuthType"] = Both,
        ["ClusterName"] = Ctld,
        ["CommunicationParameters"] = Both,
        ["SlurmctldPort"] = Ctld,
        ["SlurmdPort"] = Both,
    };

    /// <summary>Tokens of list-valued keys that need a restart before 24.05, e.g. SlurmctldParameters=enable_configless.</summary>
    private static readonly Dictionary<string, string[]> RestartTokensBefore2405 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SlurmctldParameters"] = ["enable_configless"],
        ["SchedulerParameters"] = ["no_backup_scheduling"],
    };

    /// <summary>Node attributes a reconfigure applies on every release; any other node change is a node (re)definition.</summary>
    private static readonly HashSet<string> ReconfigurableNodeKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "Feature", "Features", "Weight", "Reason", "Comment", "Extra",
    };

    public static Impact ForSetting(string key, string? before, string? after, VersionRules rules)
    {
        var what = $"{key} {Describe(before)} -> {Describe(after)}";
        var table = rules.ReconfigureRestartsDaemons ? RestartFrom2405 : RestartBefore2405;
        if (table.TryGetValue(key, out var daemons))
        {
            return new Impact($"{what}: restart {string.Join(" and ", daemons)} ({rules.Describe()})", daemons);
        }

        if (!rules.ReconfigureRestartsDaemons && RestartTokensBefore2405.TryGetValue(key, out var tokens))
        {
            var changed = tokens.Where(t => HasToken(before, t) != HasToken(after, t)).ToList();
            if (changed.Count > 0)
            {
                return new Impact($"{what}: {string.Join(", ", changed)} changed, restart slurmctld ({rules.Describe()})", Ctld);
            }
        }

        return Impact.Reconfigure($"{what}: scontrol reconfigure");
    }

    /// <summary>A node line added, removed, or an attribute of it changed (<paramref name="key"/> null for add/remove).</summary>
    public static Impact ForNode(string nodes, string? key, string? before, string? after, VersionRules rules)
    {
        var what = key is null
            ? (before is null ? $"node {nodes} added" : $"node {nodes} removed")
            : $"node {nodes}: {key} {Describe(before)} -> {Describe(after)}";
        if (key is not null && ReconfigurableNodeKeys.Contains(key))
        {
            return Impact.Reconfigure($"{what}: scontrol reconfigure");
        }

        if (rules.ReconfigureAppliesNodeChanges)
        {
            return Impact.Reconfigure($"{what}: scontrol reconfigure ({rules.Describe()} applies node changes on reconfigure)");
        }

        return new Impact($"{what}: stop slurmd, restart slurmctld, start slurmd ({rules.Describe()}: else nodes go INVALID)", Both, Careful: true);
    }

    public static Impact ForPartition(string partition, string? key, string? before, string? after)
    {
        var what = key is null
            ? (before is null ? $"partition {partition} added" : $"partition {partition} removed (its jobs are cancelled)")
            : $"partition {partition}: {key} {Describe(before)} -> {Describe(after)}";
        return Impact.Reconfigure($"{what}: scontrol reconfigure");
    }

    private static bool HasToken(string? value, string token) =>
        value is not null && value.Split(',', StringSplitOptions.TrimEntries)
            .Any(t => string.Equals(t.Split('=')[0], token, StringComparison.OrdinalIgnoreCase));

    private static string Describe(string? value) => value is null ? "(unset)" : value;
}
