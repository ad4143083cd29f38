using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.AnsibleModule.Files;

namespace AnsibleModule.Tests;

public class ManagedFileTests
{
    private static ModuleContext Context(bool check = false, bool diff = true)
    {
        var parameters = ArgumentValidator.Validate(new ArgumentSpec(), [], "test");
        return new ModuleContext(parameters, new AnsibleContext { CheckMode = check, Diff = diff }, "test");
    }

    private static FileRequest Request(string path, string content, bool secret = false, string? mode = null) =>
        new(path, Encoding.UTF8.GetBytes(content), new FileOwnership(null, null, mode)) { Secret = secret };

    [Fact]
    public void Identical_content_is_not_rewritten()
    {
        using var dir = new TempDir();
        var path = dir.File("a.conf");
        File.WriteAllText(path, "same\n");
        var mtime = File.GetLastWriteTimeUtc(path);
        var context = Context();

        var outcome = ManagedFile.Apply(context, FileSnapshot.Read(path), Request(path, "same\n"));

        Assert.False(outcome.Changed);
        Assert.False(context.Result.Changed);
        Assert.Empty(context.Result.Diff);
        Assert.Equal(mtime, File.GetLastWriteTimeUtc(path));
    }

    [Fact]
    public void Check_mode_reports_the_change_and_diff_but_writes_nothing()
    {
        using var dir = new TempDir();
        var path = dir.File("a.conf");
        File.WriteAllText(path, "old\n");
        var context = Context(check: true);

        var outcome = ManagedFile.Apply(context, FileSnapshot.Read(path), Request(path, "new\n"));

        Assert.True(outcome.ContentChanged);
        Assert.True(context.Result.Changed);
        Assert.Equal("old\n", File.ReadAllText(path));
        var diff = Assert.Single(context.Result.Diff);
        Assert.Equal(("old\n", "new\n"), (diff.Before, diff.After));
    }

    [Fact]
    public void New_file_gets_its_mode_and_an_attributes_diff()
    {
        using var dir = new TempDir();
        var path = dir.File("new.conf");
        var context = Context();

        ManagedFile.Apply(context, FileSnapshot.Read(path), Request(path, "x\n", mode: "0600"));

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        Assert.Contains(context.Result.Diff, d => d.AfterHeader.EndsWith("(attributes)") && d.After.Contains("mode: 0600"));
    }

    [Fact]
    public void Mode_change_alone_is_a_change_without_rewriting_content()
    {
        using var dir = new TempDir();
        var path = dir.File("a.conf");
        File.WriteAllText(path, "same\n");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("644", 8));
        var context = Context();

        var outcome = ManagedFile.Apply(context, FileSnapshot.Read(path), Request(path, "same\n", mode: "0600"));

        Assert.Equal((false, true), (outcome.ContentChanged, outcome.AttributesChanged));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public void Secret_content_never_appears_in_the_diff()
    {
        using var dir = new TempDir();
        var path = dir.File("key");
        File.WriteAllText(path, "OLDKEYBYTES");
        var context = Context();

        ManagedFile.Apply(context, FileSnapshot.Read(path), Request(path, "NEWKEYBYTES", secret: true));

        var diff = context.Result.Diff.Single(d => d.AfterHeader.EndsWith("(content)"));
        Assert.DoesNotContain("KEYBYTES", diff.Before + diff.After, StringComparison.Ordinal);
        Assert.Contains("hidden", diff.After);
    }

    [Fact]
    public void Secret_file_is_never_written_through_a_symlink()
    {
        using var dir = new TempDir();
        var elsewhere = dir.File("elsewhere");
        File.WriteAllText(elsewhere, "untouched");
        var link = dir.File("munge.key");
        File.CreateSymbolicLink(link, elsewhere);

        var failure = Assert.Throws<ModuleFailure>(() => ManagedFile.Snapshot(link, secret: true));

        Assert.Contains("symbolic link", failure.Message);
        Assert.Equal("untouched", File.ReadAllText(elsewhere));
    }

    [Fact]
    public void Plain_config_symlink_is_followed_and_the_link_kept()
    {
        using var dir = new TempDir();
        var real = dir.File("real.conf");
        File.WriteAllText(real, "old\n");
        var link = dir.File("slurm.conf");
        File.CreateSymbolicLink(link, real);

        var snapshot = ManagedFile.Snapshot(link, secret: false);
        ManagedFile.Apply(Context(), snapshot, Request(link, "new\n"));

        Assert.Equal("new\n", File.ReadAllText(real));
        Assert.NotNull(new FileInfo(link).LinkTarget);
    }

    [Fact]
    public void Change_by_another_process_between_read_and_write_is_refused()
    {
        using var dir = new TempDir();
        var path = dir.File("a.conf");
        File.WriteAllText(path, "v1\n");
        var snapshot = FileSnapshot.Read(path);
        File.WriteAllText(path, "edited meanwhile\n");

        var failure = Assert.Throws<ModuleFailure>(() => ManagedFile.Apply(Context(), snapshot, Request(path, "v2\n")));

        Assert.Contains("changed by another process", failure.Message);
        Assert.Equal("edited meanwhile\n", File.ReadAllText(path));
    }

    [Fact]
    public void Backup_is_made_before_a_content_change()
    {
        using var dir = new TempDir();
        var path = dir.File("a.conf");
        File.WriteAllText(path, "v1\n");
        var context = Context();

        var outcome = ManagedFile.Apply(context, FileSnapshot.Read(path), Request(path, "v2\n") with { Backup = true });

        Assert.Equal("v1\n", File.ReadAllText(outcome.BackupFile!));
        Assert.Equal(outcome.BackupFile, context.Result.Extra["backup_file"]!.GetValue<string>());
    }

    [Fact]
    public void Check_mode_with_an_owner_that_does_not_exist_yet_warns_instead_of_failing()
    {
        using var dir = new TempDir();
        var path = dir.File("slurmdbd.conf");
        var context = Context(check: true);
        var request = new FileRequest(path, "x\n"u8.ToArray(), new FileOwnership("no-such-user-hpcws", null, "0600"));

        var outcome = ManagedFile.Apply(context, FileSnapshot.Read(path), request);

        Assert.True(outcome.Changed);
        Assert.Contains(context.Result.Warnings, w => w.Contains("user 'no-such-user-hpcws' does not exist") && w.Contains("check mode"));
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void Check_mode_with_an_owner_that_does_not_exist_yet_reports_identical_content_as_unchanged()
    {
        using var dir = new TempDir();
        var path = dir.File("munge.key");
        File.WriteAllText(path, "x\n");
        var request = new FileRequest(path, "x\n"u8.ToArray(), new FileOwnership("no-such-user-hpcws", null, "0400"));

        var outcome = ManagedFile.Apply(Context(check: true), FileSnapshot.Read(path), request);

        Assert.False(outcome.ContentChanged);
        Assert.True(outcome.AttributesChanged);
    }

    [Fact]
    public void Real_run_with_an_owner_that_does_not_exist_fails_and_writes_nothing()
    {
        using var dir = new TempDir();
        var path = dir.File("slurmdbd.conf");
        var request = new FileRequest(path, "x\n"u8.ToArray(), new FileOwnership("no-such-user-hpcws", null, "0600"));

        Assert.Throws<ModuleFailure>(() => ManagedFile.Apply(Context(), FileSnapshot.Read(path), request));
        Assert.False(File.Exists(path));
    }
}
