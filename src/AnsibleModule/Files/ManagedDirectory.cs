using HpcWekaSlurm.AnsibleModule.Results;

namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>
/// A directory a module needs with a given owner and mode (e.g. /etc/munge, 0700 munge:munge):
/// created with its final mode when missing, fixed when owner or mode differ. Honours check and
/// diff mode like <see cref="ManagedFile"/>. Only the last path component is ever created.
/// </summary>
public static class ManagedDirectory
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    /// <summary>Returns true when the directory was (or, in check mode, would be) created or changed.</summary>
    public static bool Ensure(ModuleContext context, string path, uint uid, uint gid, UnixFileMode mode)
    {
        var stat = Posix.LStat(path);
        if (stat is { } s && (s.Mode & 0xF000) == 0xA000)
        {
            throw new ModuleFailure($"'{path}' is a symbolic link; give the real directory instead");
        }

        if (stat is { } d && (d.Mode & 0xF000) != 0x4000)
        {
            throw new ModuleFailure($"'{path}' exists and is not a directory");
        }

        var currentMode = (UnixFileMode)((stat?.Mode ?? 0) & 0xFFF);
        var changed = stat is null || stat.Value.Uid != uid || stat.Value.Gid != gid || currentMode != mode;
        if (!changed)
        {
            return false;
        }

        if (context.DiffMode)
        {
            context.Result.Diff.Add(new DiffEntry(
                stat is null ? string.Empty : ManagedFile.Attributes(stat.Value.Uid, stat.Value.Gid, currentMode),
                ManagedFile.Attributes(uid, gid, mode),
                $"{path} (directory)",
                $"{path} (directory)"));
        }

        if (!context.CheckMode)
        {
            if (stat is null)
            {
                Create(path);
            }

            AtomicFile.SetAttributes(path, uid, gid, mode, directory: true);
        }

        context.Result.Changed = true;
        return true;
    }

    private static void Create(string path)
    {
        var parent = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        if (!Directory.Exists(parent))
        {
            throw new ModuleFailure($"cannot create '{path}': its parent directory '{parent}' does not exist");
        }

        try
        {
            // Owner-only from the first instant; owner and final mode are set right after.
            Directory.CreateDirectory(path, OwnerOnly);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFailure($"cannot create '{path}': {IoError.Describe(e)}");
        }
    }
}
