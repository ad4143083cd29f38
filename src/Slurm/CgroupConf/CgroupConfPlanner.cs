using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Restarts;

namespace HpcWekaSlurm.Slurm.CgroupConf;

/// <summary>
/// Plans a cgroup.conf edit, aware of the Slurm release and the host: CgroupAutomount is dropped
/// (with a warning) from 23.11, where it is defunct; a CgroupPlugin the host's hierarchy cannot run
/// (cgroup/v2 on v1 or hybrid: fatal to slurmd) is refused.
/// </summary>
public static class CgroupConfPlanner
{
    private const string Automount = "CgroupAutomount";
    private const string Plugin = "CgroupPlugin";

    /// <summary>Keys slurmd reads only when it starts (the plugin it loads, where it mounts).</summary>
    private static readonly HashSet<string> RestartKeys = new(StringComparer.OrdinalIgnoreCase) { Plugin, "CgroupMountpoint" };

    /// <exception cref="ArgumentException">A key or value cannot be written.</exception>
    public static ConfPlan Plan(byte[] current, CgroupConfRequest request)
    {
        var document = ConfDocument.Parse(current, ConfDialect.KeyValue);
        var changes = new List<ConfChange>();
        var warnings = new List<string>();
        var errors = new List<string>();
        var settings = request.Settings.ToList();

        if (request.Rules.CgroupAutomountDefunct)
        {
            if (settings.RemoveAll(s => string.Equals(s.Key, Automount, StringComparison.OrdinalIgnoreCase) && s.Value is not null) > 0)
            {
                warnings.Add($"CgroupAutomount is defunct since Slurm 23.11 ({request.Rules.Describe()}): not written");
            }

            if (document.SettingIndexes(Automount).Count > 0)
            {
                settings.RemoveAll(s => string.Equals(s.Key, Automount, StringComparison.OrdinalIgnoreCase));
                settings.Add(new(Automount, null));
                warnings.Add($"CgroupAutomount is defunct since Slurm 23.11 ({request.Rules.Describe()}) and slurmd logs an error for it: removed from the file");
            }
        }

        foreach (var (key, value) in settings)
        {
            if (ConfEditor.SetSetting(document, key, value) is { } change)
            {
                changes.Add(change);
            }
        }

        var after = document.ToBytes();
        ReadBack.Verify(after, ConfDialect.KeyValue, settings);

        var requestedPlugin = settings.FirstOrDefault(s => string.Equals(s.Key, Plugin, StringComparison.OrdinalIgnoreCase)).Value?.Text;
        var plugin = ConfText.ToDisplay(ConfDocument.Parse(after, ConfDialect.KeyValue).SettingValue(Plugin) ?? "autodetect");
        if (Incompatible(plugin, request.Hierarchy) is { } problem)
        {
            (requestedPlugin is not null ? errors : warnings).Add(problem);
        }

        var impacts = changes.Select(c => ImpactOf(c, request)).ToList();
        return new ConfPlan(current, after, changes, RestartDecision.From(impacts), warnings, errors);
    }

    private static string? Incompatible(string plugin, CgroupMode hierarchy)
    {
        if (string.Equals(plugin, "cgroup/v2", StringComparison.OrdinalIgnoreCase) && hierarchy is CgroupMode.Legacy or CgroupMode.Hybrid)
        {
            return $"CgroupPlugin=cgroup/v2 cannot run on this host, which has {CgroupHierarchy.Describe(hierarchy)} (slurmd dies: \"Hybrid mode is not supported\"); " +
                   "use CgroupPlugin=autodetect (or cgroup/v1), or boot the host with cgroup v2 only (systemd.unified_cgroup_hierarchy=1)";
        }

        if (string.Equals(plugin, "cgroup/v1", StringComparison.OrdinalIgnoreCase) && hierarchy == CgroupMode.Unified)
        {
            return "CgroupPlugin=cgroup/v1 cannot run on this host, which has cgroup v2 only; use CgroupPlugin=autodetect or cgroup/v2";
        }

        return null;
    }

    private static Impact ImpactOf(ConfChange change, CgroupConfRequest request)
    {
        var what = $"cgroup.conf {change.Key} {change.Before ?? "(unset)"} -> {change.After ?? "(unset)"}";
        return RestartKeys.Contains(change.Key!) && !request.Rules.ReconfigureRestartsDaemons
            ? new Impact($"{what}: restart slurmd ({request.Rules.Describe()})", [Daemons.Slurmd])
            : Restarts.Impact.Reconfigure($"{what}: scontrol reconfigure (slurmd re-reads cgroup.conf)");
    }
}
