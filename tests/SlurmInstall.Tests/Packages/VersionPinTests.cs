using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

public class VersionPinTests
{
    [Theory]
    [InlineData("22.05.8", "22.05.8-4+deb12u3")]
    [InlineData("22.05", "22.05.8-4+deb12u3")]
    [InlineData("22.05.8-4", "22.05.8-4+deb12u3")]
    [InlineData("22.05.8-4+deb12u3", "22.05.8-4+deb12u3")]
    [InlineData("22.05.9", "22.05.9-1.el8")]
    [InlineData("22.05.9-1", "22.05.9-1.el8")]
    [InlineData("22.05.9", "1:22.05.9-1.el8")]
    [InlineData("1:22.05.9", "1:22.05.9-1.el8")]
    public void A_pin_matches_the_versions_it_is_a_prefix_of_at_a_component_boundary(string pin, string version)
    {
        Assert.True(VersionPin.Matches(pin, version));
    }

    [Theory]
    [InlineData("22.05.8", "22.05.80-1")]
    [InlineData("22.0", "22.05.8-4")]
    [InlineData("23.02", "22.05.8-4")]
    [InlineData("22.05.8-4+deb12u3", "22.05.8-4+deb12u3~pin1")]
    [InlineData("22.05.8", "22.05.8~rc1-1")]
    public void A_pin_does_not_match_other_releases_or_pre_releases(string pin, string version)
    {
        Assert.False(VersionPin.Matches(pin, version));
    }

    [Theory]
    [InlineData("22.05.8-4+deb12u3", "22.05.8")]
    [InlineData("1:22.05.9-1.el8", "22.05.9")]
    [InlineData("0.5.15", "0.5.15")]
    public void Upstream_drops_epoch_and_packaging_revision(string version, string upstream)
    {
        Assert.Equal(upstream, VersionPin.Upstream(version));
    }

    [Fact]
    public void PickFrom_takes_the_newest_matching_version_in_apts_order()
    {
        string[] available = ["22.05.8-4+deb12u3", "22.05.8-4+deb12u3~pin1", "21.08.5-2"];

        Assert.Equal("22.05.8-4+deb12u3", VersionPin.PickFrom("22.05", available));
        Assert.Equal("22.05.8-4+deb12u3~pin1", VersionPin.PickFrom("22.05.8-4+deb12u3~pin1", available));
        Assert.Null(VersionPin.PickFrom("23.02", available));
    }

    [Theory]
    [InlineData("22.05.9", "slurm-22.05.9")]
    [InlineData("22.05.9-1.el8", "slurm-22.05.9-1.el8")]
    [InlineData("22.05", "slurm-22.05.*")]
    [InlineData("23", "slurm-23.*")]
    public void RhelFamily_RpmSpec_is_exact_for_full_versions_and_a_glob_for_short_pins(string pin, string spec)
    {
        Assert.Equal(spec, VersionPin.RpmSpec("slurm", pin));
    }

    [Theory]
    [InlineData("")]
    [InlineData("v22.05")]
    [InlineData("22.05; rm -rf /")]
    [InlineData("22.05*")]
    [InlineData("-oDebug::pkgProblemResolver=1")]
    public void Validate_rejects_what_is_not_a_package_version(string pin)
    {
        Assert.NotNull(VersionPin.Validate(pin));
    }

    [Theory]
    [InlineData("22.05.8-4+deb12u3~pin1")]
    [InlineData("1:22.05.9-1.el8")]
    public void Validate_accepts_package_versions(string pin)
    {
        Assert.Null(VersionPin.Validate(pin));
    }
}
