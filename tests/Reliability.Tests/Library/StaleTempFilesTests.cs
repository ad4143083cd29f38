using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Reliability.Tests.Harness;
using static HpcWekaSlurm.Reliability.Tests.Library.LibraryHelpers;

namespace HpcWekaSlurm.Reliability.Tests.Library;

public class StaleTempFilesTests
{
    [Fact]
    public void Removes_the_temp_files_of_the_target_and_of_its_backups_only()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "x\n");
        string[] stale = [".slurm.conf.0123456789ab.tmp", ".slurm.conf.4242.2026-01-01@10:00:00~.abcdef012345.tmp"];
        string[] kept = [".cgroup.conf.0123456789ab.tmp", ".slurm.conf.tmp", ".slurm.conf.notahexvalue.tmp", "slurm.conf.0123456789ab.tmp", "slurm.conf.bak"];
        foreach (var name in stale.Concat(kept))
        {
            s.Write("etc/" + name, "partial");
        }

        var removed = StaleTempFiles.Remove(file);

        Assert.Equal(stale.Order(), removed.Order());
        Assert.All(kept, name => Assert.True(File.Exists(s.File("etc/" + name)), name));
    }

    [Fact]
    public void ManagedFile_removes_leftovers_of_an_interrupted_run_and_says_so()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "old\n");
        s.Write("etc/.slurm.conf.0123456789ab.tmp", "half a fi");
        var context = Context();

        ManagedFile.Apply(context, FileSnapshot.Read(file), new FileRequest(file, "new\n"u8.ToArray(), FileOwnership.Unspecified));

        Assert.Empty(Sandbox.TempFiles(s.Root));
        Assert.Contains(context.Result.Warnings, w => w.Contains("interrupted", StringComparison.Ordinal) && w.Contains(".slurm.conf.0123456789ab.tmp", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_mode_removes_nothing()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "old\n");
        s.Write("etc/.slurm.conf.0123456789ab.tmp", "half a fi");

        ManagedFile.Apply(Context(check: true), FileSnapshot.Read(file), new FileRequest(file, "new\n"u8.ToArray(), FileOwnership.Unspecified));

        Assert.Single(Sandbox.TempFiles(s.Root));
    }
}
