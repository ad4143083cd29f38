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
            var requested = settings.Any(s => string.Equals(s.Key, Automount, StringComparison.OrdinalIgnoreCase) && s.Value is not null);
            settings.RemoveAll(s => string.Equals(s.Key, Automount, StringComparison.OrdinalIgnoreCase));
            var present = document.SettingIndexes(Automount).Count > 0;
            if (present)
            {
                settings.Add(new(Automount, null));
            }

            if (requested || present)
            {
                warnings.Add($"CgroupAutomount is defunct since Slurm 23.11 ({request.Rules.Describe()}) and slurmd logs an error for it: " +
                             (present ? "removed from the file" : "not written"));
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
        if (CgroupHierarchy.PluginProblem(plugin, request.Hierarchy) is { } problem)
        {
            (requestedPlugin is not null ? errors : warnings).Add(problem.ToString());
        }

        var impacts = changes.Select(c => ImpactOf(c, request)).ToList();
        return new ConfPlan(current, after, changes, RestartDecision.From(impacts), warnings, errors);
    }

    private static Impact ImpactOf(ConfChange change, CgroupConfRequest request)
    {
        var what = $"cgroup.conf {change.Key} {change.Before ?? "(unset)"} -> {change.After ?? "(unset)"}";
        return RestartKeys.Contains(change.Key!) && !request.Rules.ReconfigureRestartsDaemons
            ? new Impact($"{what}: restart slurmd ({request.Rules.Describe()})", [Daemons.Slurmd])
            : Restarts.Impact.Reconfigure($"{what}: scontrol reconfigure (slurmd re-reads cgroup.conf)");
    }
}
