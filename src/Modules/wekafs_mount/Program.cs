using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.AnsibleModule.Results;
using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.Modules.WekafsMount;

/// <summary>Mounts a WEKA filesystem (wekafs) and keeps its fstab line, without silently remounting.</summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var request = RequestMapping.From(p);
        var invalid = request.Validate();
        if (invalid.Count > 0)
        {
            throw new ModuleFailure(string.Join("; ", invalid));
        }

        var fstab = ManagedFile.Snapshot(p.Str("fstab")!, secret: false);
        var mountInfoPath = p.Str("mountinfo")!;
        var (kind, realPath) = MountPointProbe.Inspect(request.MountPoint);
        MountPlan plan;
        try
        {
            plan = MountPlanner.Plan(request, new MountHostState(fstab.Content, MountPointProbe.ReadMountInfo(mountInfoPath), kind, realPath));
        }
        catch (InvalidMountRequestException e)
        {
            throw new ModuleFailure(e.Message);
        }

        context.Result.Warnings.AddRange(plan.Warnings);

        // The mount goes first: when it fails (or times out), fstab is left as it was.
        if (!context.CheckMode)
        {
            try
            {
                MountExecution.Run(plan, mountInfoPath);
            }
            catch (ModuleFailure e) when (plan.FstabChanged)
            {
                throw new ModuleFailure($"{e.Message}; fstab was not changed", e) { Extra = (JsonObject)e.Extra.DeepClone() };
            }
        }

        if (plan.FstabChanged)
        {
            try
            {
                ManagedFile.Apply(context, fstab, new FileRequest(fstab.Path, plan.FstabAfter, FileOwnership.Unspecified) { Backup = p.Bool("backup") });
            }
            catch (ModuleFailure e) when (plan.Action != MountAction.None && !context.CheckMode)
            {
                throw new ModuleFailure($"{plan.StateAfter}, but fstab was not updated: {e.Message}", e);
            }
        }

        if (context.DiffMode && plan.Action != MountAction.None)
        {
            var header = $"{request.MountPoint} (mount state)";
            var after = plan.StateAfter + (plan.CreateMountPoint ? $" (mount point {request.MountPoint} created)" : string.Empty);
            context.Result.Diff.Add(new DiffEntry(plan.StateBefore + "\n", after + "\n", header, header));
        }

        context.Result.Changed |= plan.Changed;
        context.Result.Msg = Message(plan, context.CheckMode);
        context.Result
            .Set("path", request.MountPoint)
            .Set("source", request.MountSource?.Text)
            .Set("fstab", fstab.Path)
            .Set("fstab_line", plan.Entry is null ? null : Encoding.UTF8.GetString(MountEscaping.ToBytes(plan.Entry.Render())))
            .Set("mount_options", request.WantsEntry ? MountOptionString.Format(request.Options.MountArguments()) : null)
            .Set("mount_action", plan.Action.ToString().ToLowerInvariant())
            .Set("mounted", plan.MountedAfter)
            .Set("remount_required", plan.RemountRequired)
            .Set("differing_options", new JsonArray([.. plan.Differences.Select(d => (JsonNode)new JsonObject
            {
                ["option"] = d.Option,
                ["mounted"] = d.Mounted,
                ["requested"] = d.Requested,
                ["known_from"] = d.KnownFrom,
            })]));
    }

    private static string Message(MountPlan plan, bool checkMode)
    {
        var mountPoint = plan.Request.MountPoint;
        var would = checkMode ? "would be " : string.Empty;
        var parts = new List<string>
        {
            plan.Action switch
            {
                MountAction.Mount => $"{mountPoint} {would}mounted",
                MountAction.Remount => $"{mountPoint} {would}unmounted and mounted again",
                MountAction.Unmount => $"{mountPoint} {would}unmounted",
                _ => plan.Observed.Status == MountStatus.Wekafs ? $"{mountPoint} is mounted" : $"{mountPoint} is not mounted as wekafs",
            },
            plan.FstabChanged ? $"fstab {would}updated" : "fstab unchanged",
        };
        if (plan.RemountRequired)
        {
            parts.Add($"remount required: {MountPlanner.Describe(plan.Differences)}");
        }

        return string.Join("; ", parts);
    }
}
