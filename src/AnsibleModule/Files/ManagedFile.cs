using System.Text;
using HpcWekaSlurm.AnsibleModule.Results;

namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>The content and attributes a module wants a file to have.</summary>
public sealed record FileRequest(string Path, byte[] Content, FileOwnership Ownership)
{
    /// <summary>Mode of a file that does not exist yet and has no mode option.</summary>
    public UnixFileMode NewFileMode { get; init; } = (UnixFileMode)Convert.ToInt32("644", 8);

    public bool Backup { get; init; }

    /// <summary>Secret content: never in a diff, never written through a symlink.</summary>
    public bool Secret { get; init; }

    /// <summary>How content appears in a diff (secret files: a redacted rendering, or a placeholder).</summary>
    public Func<byte[], string>? Render { get; init; }
}

/// <summary>What applying a <see cref="FileRequest"/> did (or, in check mode, would do).</summary>
public sealed record FileOutcome(bool ContentChanged, bool AttributesChanged, string? BackupFile)
{
    public bool Changed => ContentChanged || AttributesChanged;
}

/// <summary>
/// The part every file-managing module shares: compare, report the diff, honour check mode,
/// back up, then write atomically, refusing if someone else changed the file meanwhile.
/// </summary>
public static class ManagedFile
{
    public static FileSnapshot Snapshot(FileRequest request) => Snapshot(request.Path, request.Secret);

    public static FileSnapshot Snapshot(string path, bool secret)
    {
        var snapshot = FileSnapshot.Read(path, followSymlink: !secret);
        if (secret && snapshot.IsSymlink)
        {
            throw new ModuleFailure($"refusing to write the secret file '{path}' through a symbolic link; remove the link first");
        }

        return snapshot;
    }

    public static FileOutcome Apply(ModuleContext context, FileSnapshot current, FileRequest request)
    {
        var contentChanged = !current.Exists || !current.Content!.AsSpan().SequenceEqual(request.Content);
        var path = current.Path;
        if (context.DiffMode && contentChanged)
        {
            var render = request.Render ?? (request.Secret ? static _ => "(secret content hidden)\n" : static b => Encoding.UTF8.GetString(b));
            var before = current.Exists ? render(current.Content!) : string.Empty;
            context.Result.Diff.Add(new DiffEntry(before, render(request.Content), $"{path} (content)", $"{path} (content)"));
        }

        (uint Uid, uint Gid, UnixFileMode Mode) target;
        try
        {
            target = request.Ownership.Resolve(current, request.NewFileMode);
        }
        catch (ModuleFailure e) when (context.CheckMode)
        {
            // In a check run an earlier task (a package install) would have created the user.
            context.Warn($"{e.Message}; check mode assumes an earlier task creates it");
            context.Result.Changed = true;
            return new FileOutcome(ContentChanged: contentChanged, AttributesChanged: true, BackupFile: null);
        }

        var (uid, gid, mode) = target;
        var attributesChanged = current.Exists && (current.Uid != uid || current.Gid != gid || current.Mode != mode);
        if (context.DiffMode)
        {
            if (attributesChanged || !current.Exists)
            {
                context.Result.Diff.Add(new DiffEntry(
                    current.Exists ? Attributes(current.Uid, current.Gid, current.Mode) : string.Empty,
                    Attributes(uid, gid, mode),
                    $"{path} (attributes)",
                    $"{path} (attributes)"));
            }
        }

        string? backupFile = null;
        if (!context.CheckMode)
        {
            // Re-check and write under the directory lock: no other module run can slip in between.
            using var _ = FileLock.Acquire(path);
            RemoveStaleTemps(context, path);
            if (contentChanged || attributesChanged)
            {
                EnsureUnchangedSince(current);
                if (request.Backup && current.Exists && contentChanged)
                {
                    // A secret's backup is as private as the file is about to be, even when the old file was not.
                    backupFile = request.Secret ? Backup.Create(current, uid, gid, mode & current.Mode) : Backup.Create(current);
                    context.Result.Extra["backup_file"] = backupFile;
                }

                if (contentChanged)
                {
                    // Checked again once the new content is on disk: a change made while the backup
                    // and the temp file were written is caught too, not overwritten.
                    AtomicFile.Write(path, request.Content, uid, gid, mode, beforeReplace: () => EnsureUnchangedSince(current));
                }
                else
                {
                    AtomicFile.SetAttributes(path, uid, gid, mode);
                }
            }
        }

        var outcome = new FileOutcome(contentChanged, attributesChanged, backupFile);
        context.Result.Changed |= outcome.Changed;
        return outcome;
    }

    /// <summary>Removes the file (after a backup when asked); the diff shows its content, rendered by <paramref name="render"/>, going away.</summary>
    public static FileOutcome Remove(ModuleContext context, FileSnapshot current, bool backup, Func<byte[], string> render)
    {
        if (!current.Exists)
        {
            return new FileOutcome(false, false, null);
        }

        if (context.DiffMode)
        {
            context.Result.Diff.Add(new DiffEntry(render(current.Content!), string.Empty, current.Path, $"{current.Path} (removed)"));
        }

        string? backupFile = null;
        if (!context.CheckMode)
        {
            using var _ = FileLock.Acquire(current.Path);
            RemoveStaleTemps(context, current.Path);
            EnsureUnchangedSince(current);
            if (backup)
            {
                backupFile = Backup.Create(current);
                context.Result.Extra["backup_file"] = backupFile;
            }

            try
            {
                File.Delete(current.Path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ModuleFailure($"cannot remove '{current.Path}': {IoError.Describe(e)}");
            }
        }

        context.Result.Changed = true;
        return new FileOutcome(true, false, backupFile);
    }

    private static void RemoveStaleTemps(ModuleContext context, string path)
    {
        if (StaleTempFiles.Remove(path) is { Count: > 0 } removed)
        {
            context.Warn($"removed {removed.Count} temporary file(s) that an interrupted earlier run left next to '{path}': {string.Join(", ", removed)}");
        }
    }

    private static void EnsureUnchangedSince(FileSnapshot current)
    {
        var latest = FileSnapshot.Read(current.Path, followSymlink: false);
        if (latest.Exists != current.Exists || (current.Exists && !latest.Content!.AsSpan().SequenceEqual(current.Content)))
        {
            throw new ModuleFailure($"'{current.Path}' was changed by another process while this task ran; nothing was written, run the task again");
        }
    }

    internal static string Attributes(uint uid, uint gid, UnixFileMode mode) =>
        $"owner: {Posix.UserName(uid) ?? uid.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n" +
        $"group: {Posix.GroupName(gid) ?? gid.ToString(System.Globalization.CultureInfo.InvariantCulture)}\n" +
        $"mode: {FileOwnership.FormatMode(mode)}\n";
}
