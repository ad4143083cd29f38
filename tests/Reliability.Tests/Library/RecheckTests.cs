using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Reliability.Tests.Harness;
using static HpcWekaSlurm.Reliability.Tests.Library.LibraryHelpers;

namespace HpcWekaSlurm.Reliability.Tests.Library;

/// <summary>ManagedFile's re-check at the library level (the process-level races are in FileFaultTests).</summary>
public class RecheckTests
{
    private static readonly UnixFileMode Mode644 = (UnixFileMode)Convert.ToInt32("644", 8);

    [Fact]
    public void A_file_changed_after_the_snapshot_is_not_overwritten()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "old\n");
        var snapshot = FileSnapshot.Read(file);
        File.AppendAllText(file, "# admin edit\n");

        var e = Assert.Throws<ModuleFailure>(() =>
            ManagedFile.Apply(Context(), snapshot, new FileRequest(file, "new\n"u8.ToArray(), FileOwnership.Unspecified) { Backup = true }));

        Assert.Contains("was changed by another process", e.Message);
        Assert.Equal("old\n# admin edit\n", File.ReadAllText(file));
        Assert.Empty(Sandbox.TempFiles(s.Root));
    }

    [Fact]
    public void AtomicFile_refusing_before_the_rename_leaves_the_target_and_no_temp_file()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "old\n");

        Assert.Throws<ModuleFailure>(() =>
            AtomicFile.Write(file, "new\n"u8, 0, 0, Mode644, beforeReplace: () => throw new ModuleFailure("changed meanwhile")));

        Assert.Equal("old\n", File.ReadAllText(file));
        Assert.Empty(Sandbox.TempFiles(s.Root));
    }

    [Fact]
    public void The_last_check_runs_once_the_new_content_is_complete()
    {
        using var s = new Sandbox();
        var file = s.Write("etc/slurm.conf", "old\n");
        string? tempContent = null;

        AtomicFile.Write(file, "new\n"u8, 0, 0, Mode644, beforeReplace: () => tempContent = File.ReadAllText(Assert.Single(Sandbox.TempFiles(s.Root))));

        Assert.Equal("new\n", tempContent);
        Assert.Equal("new\n", File.ReadAllText(file));
    }
}
