using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

public class DaemonStartGuardTests : IDisposable
{
    private readonly DirectoryInfo dir = Directory.CreateTempSubdirectory("hws-policy-");

    public void Dispose() => dir.Delete(recursive: true);

    [Fact]
    public void Install_time_policy_forbids_every_daemon_start_and_is_removed_afterwards()
    {
        var path = Path.Combine(dir.FullName, "policy-rc.d");

        using (DaemonStartGuard.Hold(path))
        {
            Assert.True(File.GetUnixFileMode(path).HasFlag(UnixFileMode.OtherExecute));
            using var run = System.Diagnostics.Process.Start("/bin/sh", [path, "slurmd", "start"]);
            run.WaitForExit();
            Assert.Equal(101, run.ExitCode);
        }

        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Existing_policy_is_the_admins_and_stays_untouched()
    {
        var path = Path.Combine(dir.FullName, "policy-rc.d");
        File.WriteAllText(path, "#!/bin/sh\nexit 0\n");

        using (var guard = DaemonStartGuard.Hold(path))
        {
            Assert.Null(guard);
        }

        Assert.Equal("#!/bin/sh\nexit 0\n", File.ReadAllText(path));
    }
}
