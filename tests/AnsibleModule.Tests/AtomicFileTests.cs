using System.Text;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;

namespace AnsibleModule.Tests;

public class AtomicFileTests
{
    private static readonly UnixFileMode Mode0400 = UnixFileMode.UserRead;

    [Fact]
    public void Write_replaces_content_with_requested_owner_and_mode_and_leaves_no_temp_file()
    {
        using var dir = new TempDir();
        var path = dir.File("munge.key");
        File.WriteAllText(path, "old");

        AtomicFile.Write(path, "new"u8, 1, 2, Mode0400);

        Assert.Equal("new", File.ReadAllText(path));
        var snapshot = FileSnapshot.Read(path);
        Assert.Equal((1u, 2u, Mode0400), (snapshot.Uid, snapshot.Gid, snapshot.Mode));
        Assert.Single(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Failed_write_keeps_the_original_and_removes_the_temp_file()
    {
        using var dir = new TempDir();
        var target = dir.File("slurm.conf");
        Directory.CreateDirectory(target); // rename onto a directory fails after the temp file is written

        var failure = Assert.Throws<ModuleFailure>(() => AtomicFile.Write(target, "x"u8, 0, 0, UnixFileMode.UserRead));

        Assert.Contains("the file was left as it was", failure.Message);
        Assert.Equal([target], Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void Missing_directory_is_a_clear_failure()
    {
        var failure = Assert.Throws<ModuleFailure>(() => AtomicFile.Write("/nonexistent-dir-hpcws/x", "x"u8, 0, 0, UnixFileMode.UserRead));
        Assert.Contains("directory '/nonexistent-dir-hpcws' does not exist", failure.Message);
    }

    [Fact]
    public void Backup_copy_keeps_owner_and_mode_of_the_original()
    {
        using var dir = new TempDir();
        var path = dir.File("slurmdbd.conf");
        AtomicFile.Write(path, Encoding.UTF8.GetBytes("StoragePass=x\n"), 64, 64, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var backup = Backup.Create(FileSnapshot.Read(path));

        var copy = FileSnapshot.Read(backup);
        Assert.Equal((64u, 64u, UnixFileMode.UserRead | UnixFileMode.UserWrite), (copy.Uid, copy.Gid, copy.Mode));
        Assert.Equal("StoragePass=x\n", File.ReadAllText(backup));
        Assert.Matches(@"slurmdbd\.conf\.\d+\.\d{4}-\d\d-\d\d@\d\d:\d\d:\d\d~$", backup);
    }

    [Fact]
    public void Backup_name_is_the_path_the_pid_and_the_local_time_as_Ansible_names_it()
    {
        using var dir = new TempDir();
        var path = dir.File("slurm.conf");
        File.WriteAllText(path, "ClusterName=a\n");
        const string Stamp = "yyyy-MM-dd@HH:mm:ss";

        // .NET's local time (this test runs on the JIT, with its time zone database) on both sides of libc's.
        var before = DateTime.Now.ToString(Stamp, System.Globalization.CultureInfo.InvariantCulture);
        var backup = Backup.Create(FileSnapshot.Read(path));
        var after = DateTime.Now.ToString(Stamp, System.Globalization.CultureInfo.InvariantCulture);

        var prefix = $"{path}.{Environment.ProcessId}.";
        Assert.StartsWith(prefix, backup);
        Assert.EndsWith("~", backup);
        var stamp = backup[prefix.Length..^1];
        Assert.InRange(string.CompareOrdinal(stamp, before), 0, int.MaxValue);
        Assert.InRange(string.CompareOrdinal(after, stamp), 0, int.MaxValue);
    }
}
