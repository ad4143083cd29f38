using HpcWekaSlurm.Slurm.Munge;

namespace HpcWekaSlurm.SlurmInstall.Tests.Munge;

public class KeyDirectoryTests
{
    [Theory]
    [InlineData("/etc/munge")]
    [InlineData("/usr/local/etc/munge")]
    [InlineData("/srv/keys/")]
    public void A_directory_of_its_own_may_be_made_private(string directory)
    {
        Assert.Null(KeyDirectory.Refusal(directory, sticky: false));
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/etc")]
    [InlineData("/root/")]
    public void Root_and_top_level_directories_are_refused(string directory)
    {
        Assert.Contains("system directory", KeyDirectory.Refusal(directory, sticky: false));
    }

    [Fact]
    public void A_sticky_shared_directory_is_refused()
    {
        Assert.Contains("shared", KeyDirectory.Refusal("/var/tmp/keys", sticky: true));
    }
}
