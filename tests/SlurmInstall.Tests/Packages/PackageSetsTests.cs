using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

public class PackageSetsTests
{
    [Theory]
    [InlineData(SlurmRole.Controller, false, "slurm-client slurmctld munge")]
    [InlineData(SlurmRole.Dbd, false, "slurm-client slurmdbd munge")]
    [InlineData(SlurmRole.Login, false, "slurm-client munge")]
    [InlineData(SlurmRole.Login, true, "slurm-client slurmd munge")]
    [InlineData(SlurmRole.Compute, false, "slurm-client slurmd munge")]
    public void Debian_names_per_role(SlurmRole role, bool configless, string packages)
    {
        Assert.Equal(packages, string.Join(' ', PackageSets.ForRoles(PackageManager.Apt, [role], configless)));
    }

    [Theory]
    [InlineData(SlurmRole.Controller, false, "slurm slurm-slurmctld munge")]
    [InlineData(SlurmRole.Dbd, false, "slurm slurm-slurmdbd munge")]
    [InlineData(SlurmRole.Login, false, "slurm munge")]
    [InlineData(SlurmRole.Login, true, "slurm slurm-slurmd munge")]
    [InlineData(SlurmRole.Compute, false, "slurm slurm-slurmd munge")]
    public void RhelFamily_names_per_role(SlurmRole role, bool configless, string packages)
    {
        Assert.Equal(packages, string.Join(' ', PackageSets.ForRoles(PackageManager.Dnf, [role], configless)));
    }

    [Fact]
    public void Several_roles_share_packages_once()
    {
        var packages = PackageSets.ForRoles(PackageManager.Apt, [SlurmRole.Controller, SlurmRole.Dbd, SlurmRole.Compute], configless: true);

        Assert.Equal(["slurm-client", "slurmctld", "slurmdbd", "slurmd", "munge"], packages);
    }

    [Theory]
    [InlineData(PackageManager.Apt, "slurmctld", "slurmctld")]
    [InlineData(PackageManager.Apt, "slurm-client", null)]
    [InlineData(PackageManager.Dnf, "slurm-slurmd", "slurmd")]
    [InlineData(PackageManager.Yum, "slurm-slurmdbd", "slurmdbd")]
    [InlineData(PackageManager.Dnf, "munge", "munge")]
    [InlineData(PackageManager.Dnf, "slurm", null)]
    public void Daemon_of_a_package(PackageManager manager, string package, string? daemon)
    {
        Assert.Equal(daemon, PackageSets.Daemon(manager, package));
    }

    [Fact]
    public void Only_slurms_own_packages_take_the_version_pin()
    {
        Assert.True(PackageSets.IsSlurm(PackageManager.Apt, "slurmd"));
        Assert.False(PackageSets.IsSlurm(PackageManager.Apt, "munge"));
        Assert.True(PackageSets.IsSlurm(PackageManager.Dnf, "slurm"));
        Assert.False(PackageSets.IsSlurm(PackageManager.Dnf, "slurm-libs"));
    }

    [Fact]
    public void Detect_prefers_dpkg_then_dnf_then_yum()
    {
        Assert.Equal(PackageManager.Apt, PackageManagers.Detect(p => p is "apt-get" or "dpkg-query" or "rpm"));
        Assert.Equal(PackageManager.Dnf, PackageManagers.Detect(p => p is "dnf" or "yum" or "rpm"));
        Assert.Equal(PackageManager.Yum, PackageManagers.Detect(p => p is "yum" or "rpm"));
        Assert.Null(PackageManagers.Detect(p => p is "zypper" or "rpm"));
    }
}
