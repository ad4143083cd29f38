using System.Globalization;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Slurm.CgroupConf;
using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmCgroupConf;

/// <summary>
/// Edits cgroup.conf in place from typed options (plus extra keys), knowing the Slurm release
/// (CgroupAutomount is defunct from 23.11) and the host (cgroup/v2 on a v1 or hybrid host is refused).
/// </summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var hierarchy = CgroupHierarchy.Detect(p.Str("cgroup_root")!);
        context.Result.Set("cgroup_hierarchy", hierarchy.ToString().ToLowerInvariant());
        var request = new CgroupConfRequest
        {
            Settings = Settings(p),
            Hierarchy = hierarchy,
            Rules = SlurmRelease.Resolve(context),
        };

        ConfFileModule.Run(context, new ConfFileJob(p.Str("path")!, "cgroup.conf", bytes => CgroupConfPlanner.Plan(bytes, request))
        {
            Ownership = _ => ConfFileOptions.Ownership(p),
            Backup = p.Bool("backup"),
            Create = p.Bool("create"),
        });
    }

    /// <summary>Typed options first (in the documented order), then extra keys; an extra key may not repeat a typed one.</summary>
    private static IReadOnlyList<KeyValuePair<string, DesiredValue?>> Settings(ModuleParams p)
    {
        var settings = new List<KeyValuePair<string, DesiredValue?>>();
        foreach (var (option, key, type) in Options.Typed)
        {
            if (p.Get(option) is not { } value)
            {
                continue;
            }

            settings.Add(new(key, type switch
            {
                ArgType.Bool => DesiredValue.Of(p.Bool(option)),
                ArgType.Float => DesiredValue.Of(NonNegative(option, p.Float(option)!.Value).ToString("R", CultureInfo.InvariantCulture)),
                ArgType.Int => DesiredValue.Of(((long)NonNegative(option, p.Int(option)!.Value)).ToString(CultureInfo.InvariantCulture)),
                _ => DesiredValue.Of(value.GetValue<string>()),
            }));
        }

        foreach (var extra in DesiredValues.Settings(p.Dict("extra"), "extra"))
        {
            if (Options.Typed.FirstOrDefault(t => string.Equals(t.Key, extra.Key, StringComparison.OrdinalIgnoreCase)) is { Option: { } option })
            {
                throw new ModuleFailure($"option 'extra': set {extra.Key} with the option '{option}', not in extra");
            }

            settings.Add(extra);
        }

        return settings;
    }

    private static double NonNegative(string option, double value) =>
        value >= 0 && double.IsFinite(value) ? value : throw new ModuleFailure($"option '{option}': must be a number of 0 or more, got {value.ToString(CultureInfo.InvariantCulture)}");
}
