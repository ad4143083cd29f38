using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Slurm.Munge;
using KeyMaterial = HpcWekaSlurm.Slurm.Munge.MungeKey;

namespace HpcWekaSlurm.Modules.MungeKey;

/// <summary>
/// Installs, generates, rotates or removes the munge key. The key bytes never reach the output:
/// every text form of every key seen is scrubbed, diffs show fingerprints, and return_content is
/// the one deliberate exception (and requires no_log on the task).
/// </summary>
public static class Program
{
    private const UnixFileMode DirectoryMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var request = KeyRequest.From(context.Params);
        var result = context.Result;
        if (request.Key.Content is { } given)
        {
            // The option value as given is scrubbed already; its canonical forms may differ (wrapped base64).
            result.Secrets.AddRange(KeyMaterial.TextForms(given));
        }

        if (request.ReturnContent && !context.Ansible.NoLog)
        {
            throw new ModuleFailure("return_content returns the munge key itself: set 'no_log: true' on this task, " +
                                    "so that Ansible neither displays nor logs the result (register it and pass .content on)");
        }

        // Held from reading through writing: a concurrent run waits, then plans on this run's key.
        using var fileLock = FileLock.Acquire(request.Path);
        var current = ManagedFile.Snapshot(request.Path, secret: true);
        if (current.Content is { } existing)
        {
            result.Secrets.AddRange(KeyMaterial.TextForms(existing));
        }

        result.Set("path", request.Path);
        if (!request.Present)
        {
            Remove(context, request, current);
            return;
        }

        MungeKeyPlan plan;
        try
        {
            plan = MungeKeyPlan.Decide(request.Key, current.Content, KeyMaterial.Generate);
        }
        catch (InvalidOperationException e)
        {
            throw new ModuleFailure($"{request.Path}: {e.Message}");
        }

        result.Secrets.AddRange(KeyMaterial.TextForms(plan.Key));
        result.Warnings.AddRange(plan.Warnings);

        if (KeyOwner.Resolve(context, request.Ownership) is { } owner)
        {
            EnsureDirectory(context, request.Path, owner);
        }

        var outcome = ManagedFile.Apply(context, current, new FileRequest(request.Path, plan.Key, request.Ownership)
        {
            Secret = true,
            Render = KeyMaterial.Describe,
            NewFileMode = request.Mode,
            Backup = request.Backup,
        });

        // In check mode a generated key is a fresh random key that is never written; it is still
        // returned, so that later tasks of the same check run (the distribution) predict their changes.
        result.Msg = Message(context.CheckMode, plan, outcome);
        result
            .Set("fingerprint", KeyMaterial.Fingerprint(plan.Key))
            .Set("size", plan.Key.Length)
            .Set("generated", plan.Generated && outcome.ContentChanged)
            .Set("restart_required", outcome.ContentChanged);
        if (request.ReturnContent)
        {
            result.Disclosed["content"] = Convert.ToBase64String(plan.Key);
        }
    }

    /// <summary>The key's directory, private to the key owner like the packages' /etc/munge (0700 munge:munge).</summary>
    private static void EnsureDirectory(ModuleContext context, string path, (uint Uid, uint Gid) owner)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        var sticky = Directory.Exists(directory) && File.GetUnixFileMode(directory).HasFlag(UnixFileMode.StickyBit);
        if (KeyDirectory.Refusal(directory, sticky) is { } refusal)
        {
            throw new ModuleFailure($"option 'path': {refusal}");
        }

        ManagedDirectory.Ensure(context, directory, owner.Uid, owner.Gid, DirectoryMode);
    }

    private static void Remove(ModuleContext context, KeyRequest request, FileSnapshot current)
    {
        var outcome = ManagedFile.Remove(context, current, request.Backup, KeyMaterial.Describe);
        context.Result.Msg = !outcome.Changed ? "there is no key to remove"
            : context.CheckMode ? "would remove the key" : "removed the key (munged will not start without one)";
        context.Result
            .Set("fingerprint", null)
            .Set("size", null)
            .Set("generated", false)
            .Set("restart_required", false);
    }

    private static string Message(bool check, MungeKeyPlan plan, FileOutcome outcome)
    {
        var would = check ? "would have " : string.Empty;
        if (outcome.ContentChanged)
        {
            return plan.Generated
                ? $"{would}generated a new {plan.Key.Length}-byte key{(plan.Replaces ? ", replacing the old one (rotation): restart munge on every node with the new key" : string.Empty)}"
                : plan.Replaces
                    ? $"{would}replaced the key (rotation): restart munge on every node with the new key"
                    : $"{would}installed the given key";
        }

        return outcome.AttributesChanged
            ? $"{would}fixed the key's owner or mode; the key is unchanged"
            : "the key is in place";
    }
}
