using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Secrets;

/// <summary>munge keys for the tests: deterministic per generation, seeded as the munge package leaves them (0700 dir, 0400 key, munge:munge).</summary>
public static class MungeKeys
{
    public static string Path(Sandbox s) => s.File("munge/munge.key");

    public static byte[] Key(int generation)
    {
        var key = new byte[1024];
        new Random(7919 * (generation + 1)).NextBytes(key);
        return key;
    }

    public static void Seed(Sandbox s)
    {
        var dir = Directory.CreateDirectory(s.File("munge")).FullName;
        File.WriteAllBytes(Path(s), Key(0));
        Chown.To(dir, "munge");
        Chown.To(Path(s), "munge");
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.SetUnixFileMode(Path(s), UnixFileMode.UserRead);
    }
}
