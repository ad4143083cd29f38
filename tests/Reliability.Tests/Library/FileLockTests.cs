using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Reliability.Tests.Harness;
using static HpcWekaSlurm.Reliability.Tests.Library.LibraryHelpers;

namespace HpcWekaSlurm.Reliability.Tests.Library;

public class FileLockTests
{
    [Fact]
    public void Acquire_holds_an_exclusive_lock_on_the_directory_until_disposed()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "x\n");
        var directory = Path.GetDirectoryName(file)!;

        using (FileLock.Acquire(file))
        {
            Assert.False(Unlocked(directory));
        }

        Assert.True(Unlocked(directory));
    }

    [Fact]
    public void The_lock_survives_the_atomic_rename_that_replaces_the_file()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "old\n");

        using (FileLock.Acquire(file))
        {
            AtomicFile.Write(file, "new\n"u8, 0, 0, (UnixFileMode)Convert.ToInt32("644", 8));
            Assert.False(Unlocked(Path.GetDirectoryName(file)!));
        }
    }

    [Fact]
    public void Acquire_is_reentrant_within_a_process_and_releases_with_the_last_holder()
    {
        using var s = new Sandbox();
        var a = s.Write("etc/a.conf", "a\n");
        var b = s.File("etc/b.conf");
        var directory = Path.GetDirectoryName(a)!;

        var outer = FileLock.Acquire(a);
        using (FileLock.Acquire(b))
        {
            Assert.False(Unlocked(directory));
        }

        Assert.False(Unlocked(directory));
        outer.Dispose();
        outer.Dispose();
        Assert.True(Unlocked(directory));
    }

    [Fact]
    public void Acquire_waits_for_another_process_to_release_the_lock()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "x\n");
        var done = s.File("holder-done");
        using var holder = HoldLock(Path.GetDirectoryName(file)!, $"sleep 0.3; touch '{done}'");

        using (FileLock.Acquire(file))
        {
            Assert.True(File.Exists(done), "the lock was granted while another process still held it");
        }
    }

    [Fact]
    public void A_lock_held_too_long_is_a_failure_naming_the_directory()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "x\n");
        var directory = Path.GetDirectoryName(file)!;
        using var holder = HoldLock(directory, "sleep 30");
        try
        {
            var e = Assert.Throws<ModuleFailure>(() => FileLock.Acquire(file, TimeSpan.FromMilliseconds(100)));
            Assert.Contains(directory, e.Message);
            Assert.Contains("nothing was written", e.Message);
        }
        finally
        {
            holder.Kill(entireProcessTree: true);
        }
    }

    [Fact]
    public void A_directory_still_to_be_created_locks_its_nearest_existing_ancestor()
    {
        using var s = new Sandbox();

        using (FileLock.Acquire(s.File("etc/munge/munge.key")))
        {
            Assert.False(Unlocked(s.Root));
        }

        Assert.True(Unlocked(s.Root));
    }

    [Fact]
    public void ManagedFile_apply_rechecks_and_writes_under_the_lock()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "old\n");
        var directory = Path.GetDirectoryName(file)!;
        var context = Context();
        var snapshot = FileSnapshot.Read(file);
        var done = s.File("holder-done");
        using var holder = HoldLock(directory, $"sleep 0.3; touch '{done}'");

        ManagedFile.Apply(context, snapshot, new FileRequest(file, "new\n"u8.ToArray(), FileOwnership.Unspecified));

        Assert.True(File.Exists(done), "the write went ahead while another process held the directory lock");
        Assert.Equal("new\n", File.ReadAllText(file));
    }
}
