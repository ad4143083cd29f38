using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.AnsibleModule.Files;

namespace AnsibleModule.Tests;

public class ManagedDirectoryTests
{
    private const UnixFileMode Private = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    private static ModuleContext Context(bool check = false) =>
        new(ArgumentValidator.Validate(new ArgumentSpec(), [], "test"), new AnsibleContext { CheckMode = check, Diff = true }, "test");

    // Any ids do: the tests run as root, like the modules.
    private static readonly (uint Uid, uint Gid) Nobody = (1, 2);

    [Fact]
    public void A_missing_directory_is_created_with_owner_and_mode()
    {
        using var dir = new TempDir();
        var path = dir.File("munge");
        var context = Context();

        Assert.True(ManagedDirectory.Ensure(context, path, Nobody.Uid, Nobody.Gid, Private));

        Assert.Equal(Private, File.GetUnixFileMode(path));
        Assert.Equal(Nobody, Owner(path));
        Assert.True(context.Result.Changed);
        Assert.Contains("mode: 0700", Assert.Single(context.Result.Diff).After);
    }

    [Fact]
    public void A_directory_with_other_owner_or_mode_is_fixed_and_then_left_alone()
    {
        using var dir = new TempDir();
        var path = dir.File("munge");
        Directory.CreateDirectory(path);
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));

        Assert.True(ManagedDirectory.Ensure(Context(), path, Nobody.Uid, Nobody.Gid, Private));
        var second = Context();
        Assert.False(ManagedDirectory.Ensure(second, path, Nobody.Uid, Nobody.Gid, Private));

        Assert.Equal(Private, File.GetUnixFileMode(path));
        Assert.False(second.Result.Changed);
    }

    [Fact]
    public void Check_mode_reports_and_creates_nothing()
    {
        using var dir = new TempDir();
        var path = dir.File("munge");
        var context = Context(check: true);

        Assert.True(ManagedDirectory.Ensure(context, path, 0, 0, Private));

        Assert.False(Directory.Exists(path));
        Assert.True(context.Result.Changed);
    }

    [Fact]
    public void A_symlink_in_place_of_the_directory_is_refused_and_its_target_untouched()
    {
        using var dir = new TempDir();
        var target = dir.File("elsewhere");
        Directory.CreateDirectory(target);
        File.SetUnixFileMode(target, (UnixFileMode)Convert.ToInt32("755", 8));
        var link = dir.File("munge");
        Directory.CreateSymbolicLink(link, target);

        var e = Assert.Throws<ModuleFailure>(() => ManagedDirectory.Ensure(Context(), link, Nobody.Uid, Nobody.Gid, Private));

        Assert.Contains("symbolic link", e.Message);
        Assert.Equal((UnixFileMode)Convert.ToInt32("755", 8), File.GetUnixFileMode(target));
    }

    [Fact]
    public void Only_the_last_component_is_created()
    {
        using var dir = new TempDir();

        var e = Assert.Throws<ModuleFailure>(() => ManagedDirectory.Ensure(Context(), dir.File("a/b"), 0, 0, Private));

        Assert.Contains("parent directory", e.Message);
    }

    private static (uint, uint) Owner(string path) => Posix.LStat(path) is { } s ? (s.Uid, s.Gid) : throw new FileNotFoundException(path);
}
