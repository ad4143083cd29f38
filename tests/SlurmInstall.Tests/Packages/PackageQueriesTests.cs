using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

public class PackageQueriesTests
{
    [Fact]
    public void DpkgQuery_lists_installed_packages_with_their_versions()
    {
        var installed = PackageQueries.ParseDpkgQuery(CapturedOutput.DpkgQuery);

        Assert.Equal("22.05.8-4+deb12u3", installed["slurmd"]);
        Assert.Equal("0.5.15-2+deb12u1", installed["munge"]);
        Assert.False(installed.ContainsKey("nosuchpkg"));
    }

    [Fact]
    public void DpkgQuery_counts_held_packages_but_not_config_files_or_half_configured_ones()
    {
        var installed = PackageQueries.ParseDpkgQuery(CapturedOutput.DpkgQueryRemovedAndBroken);

        Assert.Equal(["munge"], installed.Keys);
    }

    [Fact]
    public void AptPolicy_gives_each_candidate_and_none_for_unknown_packages()
    {
        var candidates = PackageQueries.ParseAptPolicy(CapturedOutput.AptPolicy);

        Assert.Equal("22.05.8-4+deb12u3", candidates["slurmd"]);
        Assert.Equal("2.10-3", candidates["hello"]);
        Assert.False(candidates.ContainsKey("nosuchpkg"));
    }

    [Fact]
    public void AptMadison_lists_each_version_once_newest_first()
    {
        var versions = PackageQueries.ParseAptMadison(CapturedOutput.AptMadison);

        Assert.Equal(["22.05.8-4+deb12u3", "22.05.8-4+deb12u3~pin1"], versions["slurmd"]);
        Assert.Equal(["2.10-3"], versions["hello"]);
    }

    [Fact]
    public void AptSimulatedRemove_names_every_package_apt_would_take_away()
    {
        Assert.Equal(["slurmctld", "slurm-client"], PackageQueries.ParseAptSimulatedRemovals(CapturedOutput.AptSimulatedRemove));
    }

    [Fact]
    public void Reason_of_a_locked_dpkg_is_apts_own_error_lines()
    {
        var reason = PackageQueries.Reason(string.Empty, CapturedOutput.AptLocked);

        Assert.Contains("E: Could not get lock /var/lib/dpkg/lock-frontend. It is held by process 4242 (apt-get)", reason);
        Assert.Contains("E: Unable to acquire the dpkg frontend lock", reason);
    }

    [Fact]
    public void AptShow_gives_exact_version_dependencies_without_alternatives()
    {
        Assert.Equal(
            [("slurmd", "22.05.8-4+deb12u3", "slurm-wlm-basic-plugins", "22.05.8-4+deb12u3"),
             ("slurm-wlm-basic-plugins", "22.05.8-4+deb12u3~pin1", "libslurm38", "22.05.8-4+deb12u3~pin1")],
            PackageQueries.ParseExactDepends(CapturedOutput.AptShow));
    }

    [Fact]
    public void Reason_of_unmet_dependencies_names_the_relation_apt_could_not_satisfy()
    {
        var reason = PackageQueries.Reason(CapturedOutput.AptUnmetStdout, CapturedOutput.AptUnmetStderr);

        Assert.Equal(
            "E: Unable to correct problems, you have held broken packages. / " +
            "slurmd : Depends: slurm-wlm-basic-plugins (= 22.05.8-4+deb12u3~pin1) but 22.05.8-4+deb12u3 is to be installed",
            reason);
    }

    [Fact]
    public void Reason_without_error_lines_is_the_last_lines_of_stderr()
    {
        Assert.Equal("line 2 / line 3", PackageQueries.Reason("out", "line 2\nline 3\n"));
    }

    [Fact]
    public void RhelFamily_CapturedRpmQuery_lists_version_release_and_skips_not_installed()
    {
        var installed = PackageQueries.ParseRpmQuery(CapturedOutput.RpmQuery);

        Assert.Equal("22.05.9-1.el8", installed["slurm"]);
        Assert.Equal("22.05.9-1.el8", installed["slurm-slurmd"]);
        Assert.Equal("0.5.13-2.el8", installed["munge"]);
        Assert.False(installed.ContainsKey("slurm-slurmctld"));
    }

    [Fact]
    public void RhelFamily_CapturedRpmQuery_keeps_a_real_epoch()
    {
        Assert.Equal("1:0.5.15-3.el9", PackageQueries.ParseRpmQuery(CapturedOutput.RpmQueryWithEpoch)["munge"]);
    }

    [Fact]
    public void RhelFamily_CapturedDnfCheckUpdate_reads_wrapped_rows_and_ignores_obsoletes()
    {
        var updates = PackageQueries.ParseCheckUpdate(CapturedOutput.DnfCheckUpdate);

        Assert.Equal("23.02.7-1.el8", updates["slurm"]);
        Assert.Equal("23.02.7-1.el8", updates["slurm-slurmd"]);
        Assert.Equal("23.02.7-1.1.ohpc.3.0", updates["slurm-slurmctld-ohpc-with-a-long-name"]);
        Assert.False(updates.ContainsKey("slurm-libs"));
    }

    [Fact]
    public void RhelFamily_CapturedDnfNoMatch_reason_is_dnfs_own_message()
    {
        var reason = PackageQueries.Reason(CapturedOutput.DnfNoMatchStdout, CapturedOutput.DnfNoMatchStderr);

        Assert.Equal("No match for argument: slurm-slurmd-99.1 / Error: Unable to find a match: slurm-slurmd-99.1", reason);
    }

    [Fact]
    public void RhelFamily_CapturedRpmRemoveTest_reason_names_the_dependent_package()
    {
        var reason = PackageQueries.Reason(string.Empty, CapturedOutput.RpmRemoveTestStderr);

        Assert.Contains("error: Failed dependencies:", reason);
        Assert.Contains("is needed by (installed) slurm-slurmd-22.05.9-1.el8.x86_64", reason);
    }
}
