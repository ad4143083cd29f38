using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmInstall.Tests.Packages;

public class PackagePlanTests
{
    private const string Deb = "22.05.8-4+deb12u3";
    private const string Twin = "22.05.8-4+deb12u3~pin1";

    private static PackageRequest Compute(PackageManager manager = PackageManager.Apt, PackageState state = PackageState.Present, string? pin = null, params string[] extra) =>
        new(manager, [SlurmRole.Compute], Configless: true, extra, state, pin);

    private static Dictionary<string, string> Installed(params (string Name, string Version)[] packages) =>
        packages.ToDictionary(p => p.Name, p => p.Version);

    private static Availability Apt(Dictionary<string, string?>? candidates = null, Dictionary<string, List<string>>? versions = null) =>
        new(versions ?? [], candidates ?? []);

    [Fact]
    public void Nothing_is_asked_or_planned_when_every_package_is_in_place()
    {
        var request = Compute(pin: "22.05.8");
        var installed = Installed(("slurm-client", Deb), ("slurmd", Deb), ("munge", "0.5.15-2+deb12u1"));

        Assert.Empty(PackagePlan.NeedsAvailability(request, installed));
        Assert.False(PackagePlan.MayChange(request, installed));
        Assert.True(PackagePlan.Build(request, installed, Availability.None).IsEmpty);
    }

    [Fact]
    public void Apt_installs_missing_packages_at_their_candidate_version()
    {
        var request = Compute();
        var installed = Installed(("munge", "0.5.15-2+deb12u1"));

        var plan = PackagePlan.Build(request, installed, Apt(new() { ["slurm-client"] = Deb, ["slurmd"] = Deb }));

        Assert.Equal(["slurm-client", "slurmd"], PackagePlan.NeedsAvailability(request, installed));
        Assert.Equal([$"slurm-client={Deb}", $"slurmd={Deb}"], plan.Changes.Select(c => c.Argument));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeKind.Install, c.Kind));
    }

    [Fact]
    public void Apt_package_without_a_candidate_fails_saying_where_to_look()
    {
        var e = Assert.Throws<InvalidOperationException>(() =>
            PackagePlan.Build(Compute(extra: "nosuchpkg"), Installed(("slurm-client", Deb), ("slurmd", Deb), ("munge", "0.5.15")), Apt()));

        Assert.Contains("'nosuchpkg' is not available", e.Message);
        Assert.Contains("update_cache", e.Message);
    }

    [Fact]
    public void Apt_pin_moves_slurm_packages_to_the_matching_version_and_leaves_munge_alone()
    {
        var request = Compute(pin: Twin);
        var installed = Installed(("slurm-client", Deb), ("slurmd", Deb), ("munge", "0.5.15-2+deb12u1"));
        var versions = new Dictionary<string, List<string>> { ["slurm-client"] = [Deb, Twin], ["slurmd"] = [Deb, Twin] };

        var plan = PackagePlan.Build(request, installed, Apt(versions: versions));

        Assert.Equal(["slurm-client", "slurmd"], PackagePlan.NeedsAvailability(request, installed));
        Assert.Equal([$"slurm-client={Twin}", $"slurmd={Twin}"], plan.Changes.Select(c => c.Argument));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeKind.ChangeVersion, c.Kind));
        Assert.All(plan.Changes, c => Assert.Equal(Deb, c.From));
    }

    [Fact]
    public void Apt_pin_with_no_matching_version_lists_what_is_available()
    {
        var versions = new Dictionary<string, List<string>> { ["slurm-client"] = [Deb], ["slurmd"] = [Deb] };

        var e = Assert.Throws<InvalidOperationException>(() =>
            PackagePlan.Build(Compute(pin: "23.02"), Installed(("munge", "0.5.15")), Apt(versions: versions)));

        Assert.Contains("no version of 'slurm-client' matching 23.02", e.Message);
        Assert.Contains(Deb, e.Message);
    }

    [Fact]
    public void Apt_latest_upgrades_installed_packages_whose_candidate_differs()
    {
        var installed = Installed(("slurm-client", Twin), ("slurmd", Twin), ("munge", "0.5.15-2+deb12u1"));
        var candidates = new Dictionary<string, string?> { ["slurm-client"] = Deb, ["slurmd"] = Deb, ["munge"] = "0.5.15-2+deb12u1" };

        var plan = PackagePlan.Build(Compute(state: PackageState.Latest), installed, Apt(candidates));

        Assert.Equal(["slurm-client", "slurmd"], plan.Changes.Select(c => c.Package));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeKind.Upgrade, c.Kind));
        Assert.Equal($"slurmd={Deb}", plan.Changes[1].Argument);
    }

    [Fact]
    public void Absent_removes_only_what_is_installed()
    {
        var plan = PackagePlan.Build(Compute(state: PackageState.Absent), Installed(("slurmd", Deb), ("munge", "0.5.15")), Availability.None);

        Assert.Equal(["slurmd", "munge"], plan.Changes.Select(c => c.Package));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeKind.Remove, c.Kind));
    }

    [Fact]
    public void Verify_reports_a_package_left_at_another_version()
    {
        var request = Compute(pin: Twin);
        var versions = new Dictionary<string, List<string>> { ["slurm-client"] = [Deb, Twin], ["slurmd"] = [Deb, Twin] };
        var plan = PackagePlan.Build(request, Installed(("munge", "0.5.15")), Apt(versions: versions));

        var problems = plan.Verify(request, Installed(("slurm-client", Twin), ("slurmd", Deb), ("munge", "0.5.15")));

        Assert.Equal([$"slurmd is at {Deb}, not {Twin}"], problems);
        Assert.Empty(plan.Verify(request, Installed(("slurm-client", Twin), ("slurmd", Twin), ("munge", "0.5.15"))));
    }

    [Fact]
    public void Apt_pin_brings_exact_version_dependencies_along_and_verifies_them()
    {
        var request = Compute(pin: Twin);
        var versions = new Dictionary<string, List<string>> { ["slurm-client"] = [Deb, Twin], ["slurmd"] = [Deb, Twin] };
        var installed = Installed(("slurm-client", Deb), ("slurmd", Deb), ("munge", "0.5.15"), ("slurm-wlm-basic-plugins", Deb));
        var plan = PackagePlan.Build(request, installed, Apt(versions: versions));

        var full = plan.WithDependencies(
            [("slurm-wlm-basic-plugins", Twin), ("slurm-wlm-basic-plugins", Twin), ("libslurm38", Twin), ("munge", "0.5.15")],
            Installed(("slurm-wlm-basic-plugins", Deb), ("munge", "0.5.15")));

        Assert.Equal(
            [$"slurm-client={Twin}", $"slurmd={Twin}", $"slurm-wlm-basic-plugins={Twin}", $"libslurm38={Twin}"],
            full.Changes.Select(c => c.Argument));
        Assert.Equal([ChangeKind.ChangeVersion, ChangeKind.Install], full.Changes.Skip(2).Select(c => c.Kind));
        Assert.Equal(plan.Packages, full.Packages);
        var after = Installed(("slurm-client", Twin), ("slurmd", Twin), ("munge", "0.5.15"), ("slurm-wlm-basic-plugins", Deb), ("libslurm38", Twin));
        Assert.Equal([$"slurm-wlm-basic-plugins is at {Deb}, not {Twin}"], full.Verify(request, after));
    }

    [Fact]
    public void RhelFamily_CapturedRpmQuery_present_installs_only_the_missing_daemon_by_name()
    {
        var request = new PackageRequest(PackageManager.Dnf, [SlurmRole.Controller, SlurmRole.Compute], true, [], PackageState.Present, null);
        var installed = PackageQueries.ParseRpmQuery(CapturedOutput.RpmQuery);

        var plan = PackagePlan.Build(request, installed, Availability.None);

        Assert.Empty(PackagePlan.NeedsAvailability(request, installed));
        var change = Assert.Single(plan.Changes);
        Assert.Equal(("slurm-slurmctld", ChangeKind.Install, "slurm-slurmctld"), (change.Package, change.Kind, change.Argument));
    }

    [Fact]
    public void RhelFamily_CapturedRpmQuery_pin_becomes_a_name_version_spec_for_dnf()
    {
        var request = new PackageRequest(PackageManager.Dnf, [SlurmRole.Compute], true, [], PackageState.Present, "23.02");
        var installed = PackageQueries.ParseRpmQuery(CapturedOutput.RpmQuery);

        var plan = PackagePlan.Build(request, installed, Availability.None);

        Assert.Equal(["slurm-23.02.*", "slurm-slurmd-23.02.*"], plan.Changes.Select(c => c.Argument));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeKind.ChangeVersion, c.Kind));
        Assert.DoesNotContain(plan.Changes, c => c.Package == "munge");
    }

    [Fact]
    public void RhelFamily_CapturedRpmQuery_pin_already_matching_plans_nothing()
    {
        var request = new PackageRequest(PackageManager.Yum, [SlurmRole.Compute], true, [], PackageState.Present, "22.05.9");

        Assert.True(PackagePlan.Build(request, PackageQueries.ParseRpmQuery(CapturedOutput.RpmQuery), Availability.None).IsEmpty);
    }

    [Fact]
    public void RhelFamily_CapturedDnfCheckUpdate_latest_upgrades_what_check_update_lists()
    {
        var request = new PackageRequest(PackageManager.Dnf, [SlurmRole.Compute], true, [], PackageState.Latest, null);
        var installed = PackageQueries.ParseRpmQuery(CapturedOutput.RpmQuery);
        var updates = PackageQueries.ParseCheckUpdate(CapturedOutput.DnfCheckUpdate).ToDictionary(kv => kv.Key, kv => (string?)kv.Value);

        var plan = PackagePlan.Build(request, installed, new Availability(new Dictionary<string, List<string>>(), updates));

        Assert.Equal(["slurm", "slurm-slurmd", "munge"], PackagePlan.NeedsAvailability(request, installed));
        Assert.Equal([("slurm", "23.02.7-1.el8"), ("slurm-slurmd", "23.02.7-1.el8")], plan.Changes.Select(c => (c.Package, c.Target)));
        Assert.All(plan.Changes, c => Assert.Equal(ChangeKind.Upgrade, c.Kind));
    }

    [Fact]
    public void RhelFamily_Verify_catches_yum_leaving_a_newer_version_than_the_pin()
    {
        var request = new PackageRequest(PackageManager.Yum, [SlurmRole.Compute], true, [], PackageState.Present, "22.05.8");
        var installed = PackageQueries.ParseRpmQuery(CapturedOutput.RpmQuery);
        var plan = PackagePlan.Build(request, installed, Availability.None);

        var problems = plan.Verify(request, installed);

        Assert.Contains("slurm-slurmd is at 22.05.9-1.el8, not 22.05.8", problems);
    }
}
