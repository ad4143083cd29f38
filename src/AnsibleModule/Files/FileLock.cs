namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>
/// Serialises the module runs that edit files in one directory: an exclusive flock on the
/// directory itself, held from reading the file through planning to the atomic rename.
/// The directory, not the file: every atomic write renames a new inode over the file, so a lock
/// on the file's inode would guard a file that is no longer there; and not a lock file next to
/// it, which would litter /etc and be created even by a check-mode run. Re-entrant within a
/// process (flock locks conflict across open file descriptions, even in one process).
/// Modules call <c>using var _ = FileLock.Acquire(path);</c> before reading the file;
/// <see cref="ManagedFile"/> takes it again around its re-check and write.
/// </summary>
public sealed partial class FileLock : IDisposable
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    private const int LOCK_NB = 4;
    private const int EWOULDBLOCK = 11;
    private const int EINTR = 4;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(20);
    private static readonly Dictionary<string, Held> Locks = new(StringComparer.Ordinal);

    private readonly string? _key;
    private bool _disposed;

    private FileLock(string? key) => _key = key;

    /// <summary>
    /// Locks the directory that holds <paramref name="path"/> (its nearest existing ancestor when
    /// the directory is still to be created). Waits up to <paramref name="timeout"/> for another
    /// run to finish, then fails naming the directory. Where flock is impossible (a directory this
    /// user cannot open, a filesystem without locks) it returns without locking: the write itself
    /// then reports the real error, and <see cref="ManagedFile"/>'s re-check still refuses to
    /// overwrite a file that changed.
    /// </summary>
    public static FileLock Acquire(string path, TimeSpan? timeout = null)
    {
        // Keyed by the real path: two spellings of one directory must not lock it twice in one process.
        var directory = RealPath(ExistingDirectoryOf(path));
        lock (Locks)
        {
            if (Locks.TryGetValue(directory, out var held))
            {
                held.Count++;
                return new FileLock(directory);
            }
        }

        var fd = Posix.open(directory, Posix.O_RDONLY | Posix.O_CLOEXEC);
        if (fd < 0)
        {
            return new FileLock(null);
        }

        if (!Wait(fd, directory, timeout ?? DefaultTimeout))
        {
            Posix.close(fd);
            return new FileLock(null);
        }

        lock (Locks)
        {
            Locks[directory] = new Held(fd);
        }

        return new FileLock(directory);
    }

    public void Dispose()
    {
        if (_disposed || _key is null)
        {
            return;
        }

        _disposed = true;
        lock (Locks)
        {
            var held = Locks[_key];
            if (--held.Count == 0)
            {
                Locks.Remove(_key);
                // Closing the last descriptor of the open file description releases the flock.
                Posix.close(held.Fd);
            }
        }
    }

    /// <summary>True when locked; false when this filesystem cannot lock; throws when another run holds it too long.</summary>
    private static bool Wait(int fd, string directory, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (Posix.flock(fd, Posix.LOCK_EX | LOCK_NB) == 0)
            {
                return true;
            }

            var errno = System.Runtime.InteropServices.Marshal.GetLastPInvokeError();
            if (errno == EINTR)
            {
                continue;
            }

            if (errno != EWOULDBLOCK)
            {
                return false;
            }

            if (DateTime.UtcNow >= deadline)
            {
                Posix.close(fd);
                throw new ModuleFailure($"another process has been editing files in '{directory}' for more than {timeout.TotalSeconds:0} s " +
                                        "(it holds the lock on that directory); nothing was written, run the task again when it is done");
            }

            Thread.Sleep(Poll);
        }
    }

    private static string ExistingDirectoryOf(string path)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path)) ?? "/";
        while (!Directory.Exists(directory))
        {
            directory = Path.GetDirectoryName(directory) ?? "/";
        }

        return directory;
    }

    private static string RealPath(string directory)
    {
        var resolved = realpath(directory, 0);
        if (resolved == 0)
        {
            return directory;
        }

        try
        {
            return System.Runtime.InteropServices.Marshal.PtrToStringUTF8(resolved) ?? directory;
        }
        finally
        {
            free(resolved);
        }
    }

    [System.Runtime.InteropServices.LibraryImport("libc", StringMarshalling = System.Runtime.InteropServices.StringMarshalling.Utf8)]
    private static partial nint realpath(string path, nint resolved);

    [System.Runtime.InteropServices.LibraryImport("libc")]
    private static partial void free(nint pointer);

    private sealed class Held(int fd)
    {
        public int Fd { get; } = fd;

        public int Count { get; set; } = 1;
    }
}
