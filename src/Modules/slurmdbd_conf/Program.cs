using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Slurm;
using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.SlurmdbdConf;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmdbdConf;

/// <summary>
/// Edits slurmdbd.conf in place. The file holds the database password: it is owned by the
/// SlurmUser it names, mode 0600 (slurmdbd refuses anything else), never written through a
/// symlink, and the password never appears in the diff, the changes, the messages or the invocation.
/// </summary>
public static class Program
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var mode = FileOwnership.ParseMode(p.Str("mode")!);
        if (mode != OwnerOnly)
        {
            throw new ModuleFailure($"option 'mode': slurmdbd.conf must have mode 0600 (slurmdbd stops with \"should be 600\" otherwise), got {p.Str("mode")}");
        }

        SlurmRelease.Resolve(context);
        var request = new SlurmdbdConfRequest
        {
            Settings = DesiredValues.Settings(p.Dict("settings"), "settings"),
            StoragePass = p.Str("storage_pass"),
        };

        var path = p.Str("path")!;
        // Read as ManagedFile reads it: a link is not followed, an unreadable file is a clean failure.
        if (FileSnapshot.Read(path, followSymlink: false).Content is { } onDisk && SlurmdbdConfPlanner.CurrentPassword(onDisk) is { } existing)
        {
            // The password on disk is scrubbed from all output, like the one given as storage_pass.
            context.Result.Secrets.Add(existing);
        }

        ConfFileModule.Run(context, new ConfFileJob(path, "slurmdbd.conf", bytes => SlurmdbdConfPlanner.Plan(bytes, request))
        {
            Ownership = plan => new FileOwnership(Owner(p.Str("owner"), plan), p.Str("group"), "0600"),
            NewFileMode = OwnerOnly,
            Backup = p.Bool("backup"),
            Create = p.Bool("create"),
            Secret = true,
            Render = SlurmdbdConfPlanner.Redact,
            NoRestartKey = "reload_sufficient",
        });
    }

    /// <summary>slurmdbd stops unless its SlurmUser (default root) owns the file.</summary>
    private static string Owner(string? given, ConfPlan plan)
    {
        var slurmUser = ConfText.ToDisplay(ConfDocument.Parse(plan.After, ConfDialect.KeyValue).SettingValue("SlurmUser") ?? "root");
        if (given is not null && given != slurmUser)
        {
            throw new ModuleFailure($"option 'owner': slurmdbd.conf must be owned by its SlurmUser ({slurmUser}), not {given} (slurmdbd stops with \"not owned by SlurmUser\")");
        }

        return slurmUser;
    }
}
