using System.Text;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Weka.ServiceConf;

namespace HpcWekaSlurm.Modules.WekaServiceConf;

/// <summary>Sets keys of WEKA's service.conf in place (isolate_cpusets=false by default).</summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var path = p.Str("path")!;
        var settings = SettingValues.From(p.Dict("settings")!);

        // Held from reading through writing: a concurrent run waits, then plans on this run's result.
        using var fileLock = FileLock.Acquire(path);
        var current = ManagedFile.Snapshot(path, secret: false);
        if (!current.Exists && !p.Bool("create"))
        {
            throw new ModuleFailure($"'{path}' does not exist: the WEKA agent does not seem to be installed on this host " +
                                    "(install the WEKA client first, or set create: true to write the file anyway)");
        }

        ServiceConfPlan plan;
        try
        {
            plan = ServiceConfEditor.Plan(current.Exists ? Encoding.UTF8.GetString(current.Content!) : string.Empty, settings, p.Str("section"));
        }
        catch (ArgumentException e)
        {
            throw new ModuleFailure($"option 'settings': {e.Message}");
        }

        context.Result.Warnings.AddRange(plan.Warnings);
        var outcome = ManagedFile.Apply(context, current, new FileRequest(current.Path, Encoding.UTF8.GetBytes(plan.After), FileOwnership.Unspecified)
        {
            Backup = p.Bool("backup"),
        });

        context.Result.Msg = plan.Changes.Count == 0
            ? "service.conf already has the requested settings"
            : string.Join("; ", plan.Changes.Select(c => $"{c.Key}: {c.Before ?? "(absent)"} -> {c.After ?? "(removed)"}"));
        context.Result
            .Set("path", current.Path)
            .Set("restart_required", outcome.ContentChanged)
            .Set("changes", new System.Text.Json.Nodes.JsonArray([.. plan.Changes.Select(c => (System.Text.Json.Nodes.JsonNode)new System.Text.Json.Nodes.JsonObject
            {
                ["key"] = c.Key,
                ["before"] = c.Before,
                ["after"] = c.After,
                ["section"] = c.Section,
            })]));
    }
}
