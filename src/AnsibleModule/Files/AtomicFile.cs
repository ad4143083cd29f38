using System.Security.Cryptography;

namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>
/// Replaces a file so that readers see either the old or the new content, never a mix:
/// a temp file in the same directory gets its final owner and mode before any byte is written,
/// then the content, fsync, rename over the target, fsync of the directory. On any failure the
/// target is untouched and the temp file is removed.
/// </summary>
public static class AtomicFile
{
    /// <param name="beforeReplace">
    /// Runs after the temp file is complete and synced, right before it replaces the target: the
    /// last moment to refuse (throw) when the target changed since it was read. Later, nothing can.
    /// </param>
    public static void Write(string path, ReadOnlySpan<byte> content, uint uid, uint gid, UnixFileMode mode, Action? beforeReplace = null)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        if (!Directory.Exists(directory))
        {
            throw new ModuleFailure($"cannot write '{path}': directory '{directory}' does not exist");
        }

        var temp = Path.Combine(directory, $".{Path.GetFileName(path)}.{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6))}.tmp");
        try
        {
            // Owner-only until fchown/fchmod below: no other user can ever open the temp file.
            using (var stream = new FileStream(temp, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            }))
            {
                var fd = (int)stream.SafeFileHandle.DangerousGetHandle();
                if (Posix.fchown(fd, uid, gid) != 0)
                {
                    throw new IOException($"cannot set the owner of '{temp}' to {uid}:{gid}: {Errno()}");
                }

                File.SetUnixFileMode(stream.SafeFileHandle, mode);
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            beforeReplace?.Invoke();
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new ModuleFailure($"cannot write '{path}': {IoError.Describe(e)}; the file was left as it was");
        }
        catch
        {
            TryDelete(temp);
            throw;
        }

        SyncDirectory(directory);
    }

    /// <summary>
    /// Sets owner and mode of an existing file or directory (no content change). A symlink at
    /// <paramref name="path"/> is refused, not followed: in a directory another user owns (munge
    /// owns /etc/munge), a planted link must not redirect root's chown/chmod to another file.
    /// </summary>
    public static void SetAttributes(string path, uint uid, uint gid, UnixFileMode mode, bool directory = false)
    {
        var fd = Posix.open(path, Posix.O_RDONLY | Posix.O_CLOEXEC | Posix.O_NOFOLLOW | (directory ? Posix.O_DIRECTORY : 0));
        if (fd < 0)
        {
            throw new ModuleFailure($"cannot open '{path}' to set its owner and mode: {Errno()}");
        }

        try
        {
            if (Posix.fchown(fd, uid, gid) != 0)
            {
                throw new ModuleFailure($"cannot set the owner of '{path}' to {uid}:{gid}: {Errno()}");
            }

            if (Posix.fchmod(fd, (uint)mode) != 0)
            {
                throw new ModuleFailure($"cannot set the mode of '{path}' to {FileOwnership.FormatMode(mode)}: {Errno()}");
            }
        }
        finally
        {
            Posix.close(fd);
        }
    }

    private static void SyncDirectory(string directory)
    {
        var fd = Posix.open(directory, Posix.O_RDONLY | Posix.O_CLOEXEC);
        if (fd >= 0)
        {
            Posix.fsync(fd);
            Posix.close(fd);
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the write failed already and that is what gets reported.
        }
    }

    internal static string Errno() => new System.ComponentModel.Win32Exception(System.Runtime.InteropServices.Marshal.GetLastPInvokeError()).Message;
}
