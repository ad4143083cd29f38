using System.Runtime.InteropServices;

namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>
/// The few POSIX calls .NET does not expose. In the NativeAOT modules libc is bound at link
/// time (DirectPInvoke), against the old-glibc sysroot, so these resolve on every target distribution.
/// </summary>
internal static partial class Posix
{
    private const int ERANGE = 34;

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fchown(int fd, uint owner, uint group);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fchmod(int fd, uint mode);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int fsync(int fd);

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int open(string path, int flags);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int close(int fd);

    [LibraryImport("libc", SetLastError = true)]
    internal static partial int flock(int fd, int operation);

    [LibraryImport("libc")]
    internal static partial uint geteuid();

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int getpwnam_r(string name, byte* pwd, byte* buf, nuint buflen, byte** result);

    [LibraryImport("libc")]
    private static unsafe partial int getpwuid_r(uint uid, byte* pwd, byte* buf, nuint buflen, byte** result);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int getgrnam_r(string name, byte* grp, byte* buf, nuint buflen, byte** result);

    [LibraryImport("libc")]
    private static unsafe partial int getgrgid_r(uint gid, byte* grp, byte* buf, nuint buflen, byte** result);

    [LibraryImport("libc")]
    private static unsafe partial Tm* localtime_r(long* time, Tm* result);

    /// <summary>glibc's struct tm, the same layout on x86-64 and arm64.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Tm
    {
        public int Sec, Min, Hour, Mday, Mon, Year, Wday, Yday, Isdst;
        public nint Gmtoff, Zone;
    }

    /// <summary>
    /// The current local time as libc sees it (TZ, /etc/localtime), the clock Python's time.localtime reads:
    /// so .NET's time zone database need not be in the binaries (InvariantTimezone in NativeModule.props).
    /// </summary>
    internal static unsafe (int Year, int Month, int Day, int Hour, int Minute, int Second) LocalTime()
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        Tm tm;
        if (localtime_r(&now, &tm) is null)
        {
            throw new IOException($"localtime_r failed for {now}");
        }

        return (tm.Year + 1900, tm.Mon + 1, tm.Mday, tm.Hour, tm.Min, tm.Sec);
    }

    /// <summary>.NET's own stat shim (statically linked into every NativeAOT binary); fixed layout on every architecture.</summary>
    [LibraryImport("libSystem.Native", EntryPoint = "SystemNative_LStat", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static unsafe partial int SystemNative_LStat(string path, byte* output);

    internal const int O_RDONLY = 0;
    internal const int O_CLOEXEC = 0x80000;

    // These two differ between x86-64 (asm-generic/fcntl.h) and arm64 (arch/arm64 fcntl.h).
    internal static readonly int O_DIRECTORY = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x4000 : 0x10000;
    internal static readonly int O_NOFOLLOW = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? 0x8000 : 0x20000;
    internal const int LOCK_EX = 2;
    internal const int LOCK_UN = 8;

    /// <summary>lstat: file type and permission bits, owner and group; null when the path does not exist.</summary>
    internal static unsafe (int Mode, uint Uid, uint Gid)? LStat(string path)
    {
        // FileStatus starts with int32 Flags, int32 Mode, uint32 Uid, uint32 Gid; the buffer is larger than the struct.
        var buffer = stackalloc byte[256];
        if (SystemNative_LStat(path, buffer) != 0)
        {
            return null;
        }

        return (*(int*)(buffer + 4), *(uint*)(buffer + 8), *(uint*)(buffer + 12));
    }

    /// <summary>Resolves a user name (or a numeric id) to its uid and primary gid through NSS (LDAP/SSSD users work).</summary>
    internal static unsafe (uint Uid, uint Gid)? LookupUser(string name)
    {
        return Lookup(name, (n, entry, buf, len, res) => getpwnam_r(n, entry, buf, len, res), uidOffset: 16, gidOffset: 20);
    }

    internal static unsafe uint? LookupGroup(string name)
    {
        var found = Lookup(name, (n, entry, buf, len, res) => getgrnam_r(n, entry, buf, len, res), uidOffset: 16, gidOffset: 16);
        return found?.Id;
    }

    internal static unsafe string? UserName(uint uid) => NameOf((entry, buf, len, res) => getpwuid_r(uid, entry, buf, len, res));

    internal static unsafe string? GroupName(uint gid) => NameOf((entry, buf, len, res) => getgrgid_r(gid, entry, buf, len, res));

    private unsafe delegate int NamedLookup(string name, byte* entry, byte* buf, nuint len, byte** result);

    private unsafe delegate int IdLookup(byte* entry, byte* buf, nuint len, byte** result);

    private static unsafe (uint Id, uint Gid)? Lookup(string name, NamedLookup call, int uidOffset, int gidOffset)
    {
        var entry = stackalloc byte[128];
        for (nuint size = 4096; size <= 1 << 20; size *= 4)
        {
            var buf = new byte[size];
            fixed (byte* b = buf)
            {
                byte* result = null;
                var rc = call(name, entry, b, size, &result);
                if (rc == ERANGE)
                {
                    continue;
                }

                if (rc != 0 || result == null)
                {
                    return null;
                }

                return (*(uint*)(entry + uidOffset), *(uint*)(entry + gidOffset));
            }
        }

        return null;
    }

    private static unsafe string? NameOf(IdLookup call)
    {
        var entry = stackalloc byte[128];
        for (nuint size = 4096; size <= 1 << 20; size *= 4)
        {
            var buf = new byte[size];
            fixed (byte* b = buf)
            {
                byte* result = null;
                var rc = call(entry, b, size, &result);
                if (rc == ERANGE)
                {
                    continue;
                }

                if (rc != 0 || result == null)
                {
                    return null;
                }

                return Marshal.PtrToStringUTF8(*(nint*)entry);
            }
        }

        return null;
    }
}
