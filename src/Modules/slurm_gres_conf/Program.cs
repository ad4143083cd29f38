using System.Text.Json;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Slurm;
using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.GresConf;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmGresConf;

/// <summary>
/// Edits gres.conf lines in place (identified by NodeName, Name, Type and File) and the global
/// AutoDetect line; checks the result with the real slurmd next to the live slurm.conf before writing.
/// </summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var path = Path.GetFullPath(p.Str("path")!);
        var slurmConf = p.Str("slurm_conf_path") ?? Path.Combine(Path.GetDirectoryName(path)!, "slurm.conf");
        var request = new GresConfRequest
        {
            // An empty string removes the global AutoDetect line; an absent option leaves it alone.
            AutoDetect = p.Str("autodetect") is { } autodetect
                ? new KeyValuePair<string, DesiredValue?>("AutoDetect", autodetect.Length == 0 ? null : DesiredValue.Of(autodetect))
                : null,
            Lines = Lines(p.List("lines")),
            Exclusive = p.Bool("exclusive"),
            Rules = SlurmRelease.Resolve(context),
            GresTypes = File.Exists(slurmConf) ? GresTypes(slurmConf) : null,
        };

        context.Result.Set("validated", false);
        ConfFileModule.Run(context, new ConfFileJob(path, "gres.conf", bytes => GresConfPlanner.Plan(bytes, request))
        {
            Ownership = _ => ConfFileOptions.Ownership(p),
            Backup = p.Bool("backup"),
            Create = p.Bool("create"),
            Check = !p.Bool("validate") ? null : plan => CheckWithSlurmd(context, HostCommands.Which("slurmd"), slurmConf, path, plan, p.Str("node_name") ?? HostCommands.ShortHostName()),
        });
    }

    /// <summary>GresTypes of the slurm.conf beside gres.conf ("" when it sets none).</summary>
    private static string GresTypes(string slurmConf) =>
        ConfDocument.Parse(File.ReadAllBytes(slurmConf), ConfDialect.SlurmConf).SettingValue("GresTypes") is { } v ? ConfText.ToDisplay(v) : string.Empty;

    private static IReadOnlyList<GresLineSpec> Lines(JsonArray? list)
    {
        var lines = new List<GresLineSpec>();
        for (var i = 0; i < (list?.Count ?? 0); i++)
        {
            try
            {
                lines.Add(list![i] switch
                {
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => GresLineSpec.FromLine(v.GetValue<string>()),
                    JsonObject o => new GresLineSpec(DesiredValues.Settings(o, $"lines[{i}]")),
                    _ => throw new ModuleFailure($"option 'lines' element {i}: expected a dict (Name, Type, File, Count...) or a gres.conf line"),
                });
            }
            catch (ArgumentException e)
            {
                throw new ModuleFailure($"option 'lines' element {i}: {e.Message}");
            }
        }

        return lines;
    }

    /// <summary>slurmd -G reads gres.conf from slurm.conf's directory: the candidate is checked there, among links to the live files.</summary>
    private static void CheckWithSlurmd(ModuleContext context, string? slurmd, string slurmConf, string path, ConfPlan plan, string node)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(slurmConf))!;
        if (directory != Path.GetDirectoryName(path))
        {
            SlurmdCheckStep.Skipped(context, "gres.conf", $"slurmd reads gres.conf next to {slurmConf}, not at {path}, so slurmd -G could not check it there");
            return;
        }

        SlurmdCheckStep.Run(context, "gres.conf", slurmd, slurmConf, Path.GetFileName(path), plan.After, node);
    }
}
