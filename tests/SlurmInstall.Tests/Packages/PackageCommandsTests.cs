using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

public class PackageCommandsTests
{
    private static PackagePlan Plan(params PackageChange[] changes) => new([.. changes.Select(c => c.Package)], changes);

    [Fact]
    public void Apt_installs_in_one_noninteractive_call_keeping_changed_config_files()
    {
        var plan = Plan(
            new PackageChange("slurmd", ChangeKind.Install, null, "22.05.8-4", "slurmd=22.05.8-4"),
            new PackageChange("slurm-client", ChangeKind.ChangeVersion, "22.05.8-4", "22.05.8-4~pin1", "slurm-client=22.05.8-4~pin1"));

        var command = Assert.Single(PackageCommands.Apply(PackageManager.Apt, plan));

        Assert.Equal("apt-get -y -q --allow-downgrades -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold install slurmd=22.05.8-4 slurm-client=22.05.8-4~pin1", command.ToString());
        Assert.Equal("noninteractive", PackageCommands.Environment(PackageManager.Apt)["DEBIAN_FRONTEND"]);
        Assert.Equal("C", PackageCommands.Environment(PackageManager.Apt)["LC_ALL"]);
    }

    [Fact]
    public void RhelFamily_dnf_installs_then_upgrades_then_removes()
    {
        var plan = Plan(
            new PackageChange("slurm-slurmd", ChangeKind.Install, null, null, "slurm-slurmd-22.05.9"),
            new PackageChange("slurm", ChangeKind.Upgrade, "22.05.8-1.el8", "22.05.9-1.el8", "slurm"),
            new PackageChange("extra", ChangeKind.Remove, "1.0-1", null, "extra"));

        Assert.Equal(
            ["dnf -y install slurm-slurmd-22.05.9", "dnf -y upgrade slurm", "dnf -y remove extra"],
            PackageCommands.Apply(PackageManager.Dnf, plan).Select(c => c.ToString()));
    }

    [Fact]
    public void Queries_are_read_only_commands()
    {
        Assert.Equal("dpkg-query", PackageCommands.Query(PackageManager.Apt, ["slurmd"]).Program);
        Assert.Equal(["-q", "--qf", PackageQueries.RpmFormat, "slurm"], PackageCommands.Query(PackageManager.Yum, ["slurm"]).Arguments);
        Assert.Equal("yum -q check-update slurm", PackageCommands.CheckUpdate(PackageManager.Yum, ["slurm"]).ToString());
        Assert.Equal("rpm -e --test slurm", PackageCommands.SimulateRemove(PackageManager.Dnf, ["slurm"]).ToString());
        Assert.Equal("apt-get -s -q remove slurmd", PackageCommands.SimulateRemove(PackageManager.Apt, ["slurmd"]).ToString());
    }
}
