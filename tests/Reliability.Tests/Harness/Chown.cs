using System.Runtime.InteropServices;

namespace HpcWekaSlurm.Reliability.Tests.Harness;

/// <summary>chown for the seeds (no .NET API; a shell per seeded file would cost more than the module run).</summary>
public static partial class Chown
{
    public static void To(string path, string user)
    {
        var (uid, gid) = Lookup(user);
        Assert.True(chown(path, uid, gid) == 0, $"chown {user} '{path}' failed (errno {Marshal.GetLastPInvokeError()})");
    }

    private static (uint Uid, uint Gid) Lookup(string user)
    {
        var line = File.ReadLines("/etc/passwd").First(l => l.StartsWith(user + ":", StringComparison.Ordinal)).Split(':');
        return (uint.Parse(line[2], System.Globalization.CultureInfo.InvariantCulture), uint.Parse(line[3], System.Globalization.CultureInfo.InvariantCulture));
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int chown(string path, uint owner, uint group);
}
