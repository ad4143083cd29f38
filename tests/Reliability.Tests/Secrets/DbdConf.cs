using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Secrets;

/// <summary>slurmdbd.conf for the tests, as a host has it: owned by its SlurmUser (slurm), mode 0600, with a StoragePass.</summary>
public static class DbdConf
{
    public const string SeededPassword = "Seeded-Db-Pass-7731";

    public static string Path(Sandbox s) => s.File("slurm/slurmdbd.conf");

    public static string Password(int generation) => $"Rotated-Db-Pass-{generation}-x9Q";

    public static void Seed(Sandbox s)
    {
        s.Write("slurm/slurmdbd.conf",
            "# slurmdbd.conf\nAuthType=auth/munge\nDbdHost=localhost\nSlurmUser=slurm\nStorageType=accounting_storage/mysql\n" +
            $"StorageUser=slurm\nStoragePass={SeededPassword}\nLogFile=/var/log/slurm/slurmdbd.log\n");
        Chown.To(Path(s), "slurm");
        File.SetUnixFileMode(Path(s), UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
