using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.Tests;

public class VersionTests
{
    [Theory]
    [InlineData("slurm-wlm 22.05.8", 22, 5, 8)]
    [InlineData("slurm 24.11.5", 24, 11, 5)]
    [InlineData("23.11", 23, 11, 0)]
    [InlineData("24.11.5-1", 24, 11, 5)]
    public void Versions_are_read_as_slurmd_V_prints_them_or_admins_write_them(string text, int major, int minor, int patch)
    {
        Assert.Equal(new SlurmVersion(major, minor, patch), SlurmVersion.TryParse(text));
    }

    [Fact]
    public void Text_without_a_version_is_none()
    {
        Assert.Null(SlurmVersion.TryParse("slurmd: not found"));
    }

    [Theory]
    [InlineData("22.05.8", false, false, false)]
    [InlineData("23.11.10", true, false, false)]
    [InlineData("24.05.4", true, true, false)]
    [InlineData("24.11.0", true, true, true)]
    public void Each_release_gets_its_rules(string version, bool automountDefunct, bool reconfigureRestarts, bool nodeChangesByReconfigure)
    {
        var rules = new VersionRules(SlurmVersion.TryParse(version));

        Assert.Equal((automountDefunct, reconfigureRestarts, nodeChangesByReconfigure),
            (rules.CgroupAutomountDefunct, rules.ReconfigureRestartsDaemons, rules.ReconfigureAppliesNodeChanges));
    }
}
