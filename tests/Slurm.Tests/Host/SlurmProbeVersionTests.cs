using HpcWekaSlurm.Slurm.Host;
using HpcWekaSlurm.Slurm.Packages;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.Tests.Host;

/// <summary>The installed release: from the package that installed the daemon when known (no process), else the daemon's own -V.</summary>
public class SlurmProbeVersionTests
{
    private static string? Sbin(string daemon) => File.Exists($"/usr/sbin/{daemon}") ? $"/usr/sbin/{daemon}" : null;

    [Fact]
    public void A_daemon_its_package_installed_is_not_run()
    {
        var ran = new List<string>();

        var version = SlurmProbe.Version(Recording(ran), d => $"/usr/sbin/{d}", (daemon, _) => daemon == "slurmd" ? "22.05.8-4+deb12u3" : null);

        Assert.Equal(new SlurmVersion(22, 5, 8), version);
        Assert.Empty(ran);
    }

    [Fact]
    public void A_daemon_no_package_installed_is_asked_with_V()
    {
        var ran = new List<string>();

        var version = SlurmProbe.Version(Recording(ran), d => d == "slurmd" ? "/usr/local/sbin/slurmd" : null, (_, _) => null);

        Assert.Equal(new SlurmVersion(24, 11, 5), version);
        Assert.Equal(["/usr/local/sbin/slurmd -V"], ran);
    }

    [Fact]
    public void This_hosts_packaged_release_is_what_its_slurmd_says()
    {
        var database = DpkgDatabase.ForHost() ?? throw new InvalidOperationException("no dpkg database on this host");
        var ran = new List<string>();

        var fromPackage = SlurmProbe.Version(Recording(ran), Sbin, database.VersionOwning);
        var fromDaemon = SlurmProbe.Version(Processes.Run, Sbin);

        Assert.NotNull(fromDaemon);
        Assert.Equal(fromDaemon, fromPackage);
        Assert.Empty(ran);
    }

    private static CommandRun Recording(List<string> ran) => (program, arguments) =>
    {
        ran.Add(string.Join(' ', arguments.Prepend(program)));
        return new CommandOutcome(0, "slurm 24.11.5\n", string.Empty);
    };
}
