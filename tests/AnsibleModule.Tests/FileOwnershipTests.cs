using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;

namespace AnsibleModule.Tests;

public class FileOwnershipTests
{
    [Theory]
    [InlineData("0644", 420)]
    [InlineData("644", 420)]
    [InlineData("0o400", 256)]
    [InlineData("0400", 256)]
    public void Octal_modes_parse_like_ansible(string text, int expected)
    {
        Assert.Equal((UnixFileMode)expected, FileOwnership.ParseMode(text));
    }

    [Theory]
    [InlineData("rw-r--r--")]
    [InlineData("0999")]
    [InlineData("")]
    public void Invalid_mode_is_a_clear_failure(string text)
    {
        Assert.Contains("is not an octal file mode", Assert.Throws<ModuleFailure>(() => FileOwnership.ParseMode(text)).Message);
    }

    [Fact]
    public void Users_and_groups_resolve_by_name_or_number_and_unknown_names_fail()
    {
        Assert.Equal(0u, FileOwnership.ResolveUser("root"));
        Assert.Equal(0u, FileOwnership.ResolveGroup("root"));
        Assert.Equal(4242u, FileOwnership.ResolveUser("4242"));
        Assert.Contains("user 'no-such-user-hpcws' does not exist", Assert.Throws<ModuleFailure>(() => FileOwnership.ResolveUser("no-such-user-hpcws")).Message);
    }
}
