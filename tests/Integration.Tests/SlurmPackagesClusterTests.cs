using System.Text.Json.Nodes;
using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Integration.Tests;

public sealed class SlurmPackagesCluster : ClusterFixture
{
    protected override ClusterOptions Options => new()
    {
        Nodes =
        [
            new NodeSpec("controller", "slurm_controller"),
            new NodeSpec("compute-0", "slurm_compute"),
            new NodeSpec("login-0", "slurm_login"),
        ],
    };
}

/// <summary>
/// hpc.weka_slurm.slurm_packages on real containers installing from the local apt repository
/// (no network), which also holds an older "~pin1" twin of every Slurm and munge package.
/// The controller and compute-0 go through a pinned rollout and an upgrade; login-0 is where
/// the failures happen (nothing may get installed there).
/// </summary>
public sealed class SlurmPackagesClusterTests(SlurmPackagesCluster fixture) : IClassFixture<SlurmPackagesCluster>
{
    private const string Rollout = """
        - hosts: controller:compute-0
          gather_facts: false
          tasks:
            - name: packages
              hpc.weka_slurm.slurm_packages:
                roles: "{{ ['controller'] if 'slurm_controller' in group_names else ['compute'] }}"
                version: "{{ slurm_version | default(omit) }}"
                state: "{{ slurm_state | default('present') }}"
                update_cache: "{{ slurm_update_cache | default(false) }}"
                slurm_uid: 64030
                slurm_gid: 64030
                munge_uid: 64031
                munge_gid: 64031
              register: packages
        """;

    private Cluster Cluster => fixture.Cluster;

    /// <summary>One story on the same two nodes, in order: check, pinned install, no-op, upgrade, no-op.</summary>
    [Fact]
    public async Task Pinned_rollout_then_upgrade_check_mode_changes_nothing_and_second_runs_change_nothing()
    {
        var current = await Candidate("slurm-client");
        var pin = current + "~pin1";

        var check = await Run(Rollout, new() { ["slurm_version"] = pin }, check: true);
        Assert.True(check.Succeeded, check.ToString());
        foreach (var node in new[] { "controller", "compute-0" })
        {
            var planned = check.TaskResults("packages")[node];
            Assert.True((bool)planned["changed"]!);
            Assert.Contains("slurm-client", Strings(planned["installed"]));
            // slurm-wlm-basic-plugins: an exact-version dependency of the pinned packages, pinned along.
            Assert.Contains("slurm-wlm-basic-plugins", Strings(planned["installed"]));
            Assert.Equal(["munge", "slurm"], Strings(planned["accounts_created"]).Order());
            Assert.All(
                planned["changes"]!.AsArray().Where(c => ((string)c!["package"]!).StartsWith("slurm", StringComparison.Ordinal)),
                c => Assert.Equal(pin, (string?)c!["to"]));
            Assert.False((await Cluster.ExecAsync(node, "dpkg-query -W slurm-client munge")).Succeeded);
            Assert.False((await Cluster.ExecAsync(node, "getent passwd slurm")).Succeeded);
        }

        var install = await Run(Rollout, new() { ["slurm_version"] = pin });
        Assert.True(install.Succeeded, install.ToString());
        var controller = install.TaskResults("packages")["controller"];
        var compute = install.TaskResults("packages")["compute-0"];
        Assert.Equal(pin, (string?)controller["versions"]!["slurmctld"]);
        Assert.Equal(pin, (string?)compute["versions"]!["slurmd"]);
        Assert.Equal(pin, (await Cluster.ExecOkAsync("compute-0", "dpkg-query -W -f '${Version}' slurmd")).Stdout);
        Assert.Equal(["munge", "slurmctld"], Strings(controller["daemons_changed"]).Order());
        Assert.Equal(["munge", "slurmd"], Strings(compute["daemons_changed"]).Order());
        Assert.Equal("slurm:x:64030:64030", Passwd(await Cluster.ExecOkAsync("compute-0", "getent passwd slurm")));
        Assert.Equal("munge:x:64031:64031", Passwd(await Cluster.ExecOkAsync("controller", "getent passwd munge")));
        Assert.Equal((string?)compute["slurm_version"], (string?)controller["slurm_version"]);

        var again = await Run(Rollout, new() { ["slurm_version"] = pin });
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(0, again.Changed);

        var upgrade = await Run(Rollout, new() { ["slurm_state"] = "latest", ["slurm_update_cache"] = true });
        Assert.True(upgrade.Succeeded, upgrade.ToString());
        var upgraded = upgrade.TaskResults("packages")["compute-0"];
        Assert.True((bool)upgraded["cache_updated"]!);
        Assert.Contains("slurmd", Strings(upgraded["upgraded"]));
        Assert.Contains("slurmd", Strings(upgraded["daemons_changed"]));
        Assert.Equal(current, (string?)upgraded["versions"]!["slurmd"]);
        Assert.Equal(current, (await Cluster.ExecOkAsync("compute-0", "dpkg-query -W -f '${Version}\\n' slurmd slurm-wlm-basic-plugins | sort -u")).Stdout.Trim());

        var latest = await Run(Rollout, new() { ["slurm_state"] = "latest", ["slurm_update_cache"] = true });
        Assert.True(latest.Succeeded, latest.ToString());
        Assert.Equal(0, latest.Changed);
    }

    [Fact]
    public async Task A_package_missing_from_the_repositories_fails_clearly_and_installs_nothing()
    {
        var result = await OnLogin("""{ roles: [login], extra_packages: [no-such-package-hws] }""");

        Assert.False(result.Succeeded);
        Assert.Contains("package 'no-such-package-hws' is not available from the configured apt sources", result.Stdout);
        await AssertNothingInstalledOnLogin();
    }

    [Fact]
    public async Task A_version_the_repositories_do_not_have_fails_listing_the_versions_they_have()
    {
        var current = await Candidate("slurm-client");

        var result = await OnLogin("""{ roles: [login], version: "21.08" }""");

        Assert.False(result.Succeeded);
        Assert.Contains($"no version of 'slurm-client' matching 21.08 is available; available: {current}, {current}~pin1", result.Stdout);
        await AssertNothingInstalledOnLogin();
    }

    [Fact]
    public async Task A_locked_dpkg_fails_with_apts_own_message()
    {
        // apt locks with fcntl (lockf), not flock: hold the frontend lock the way another apt would.
        await Cluster.ExecOkAsync("login-0", """
            systemd-run --unit hold-dpkg-lock python3 -c "import fcntl, time; f = open('/var/lib/dpkg/lock-frontend', 'w'); fcntl.lockf(f, fcntl.LOCK_EX); time.sleep(300)"
            for i in $(seq 50); do python3 -c "import fcntl; fcntl.lockf(open('/var/lib/dpkg/lock-frontend', 'w'), fcntl.LOCK_EX | fcntl.LOCK_NB)" 2>/dev/null || exit 0; sleep 0.1; done; exit 1
            """);
        try
        {
            var result = await OnLogin("""{ roles: [login] }""");

            Assert.False(result.Succeeded);
            Assert.Contains("E: Could not get lock /var/lib/dpkg/lock-frontend", result.Stdout);
            Assert.Contains("'apt-get -y -q", result.Stdout);
        }
        finally
        {
            await Cluster.ExecAsync("login-0", "systemctl stop hold-dpkg-lock");
        }

        await AssertNothingInstalledOnLogin();
    }

    [Fact]
    public async Task An_account_with_another_uid_fails_naming_the_option_before_any_package_is_installed()
    {
        await Cluster.ExecOkAsync("login-0", "getent passwd munge || useradd --system --uid 777 --user-group --no-create-home munge");

        var result = await OnLogin("""{ roles: [login], munge_uid: 64031 }""");

        Assert.False(result.Succeeded);
        Assert.Contains("user 'munge' exists with uid 777, not 64031 (munge_uid)", result.Stdout);
        await AssertNothingInstalledOnLogin();
    }

    private async Task<PlaybookResult> OnLogin(string args) => await Run($$"""
        - hosts: login-0
          gather_facts: false
          tasks:
            - hpc.weka_slurm.slurm_packages: {{args}}
        """);

    private async Task AssertNothingInstalledOnLogin() =>
        Assert.Equal(string.Empty, (await Cluster.ExecAsync("login-0", "dpkg-query -W -f '${Package} ' slurm-client slurmd munge 2>/dev/null")).Stdout);

    private Task<PlaybookResult> Run(string playbook, JsonObject? vars = null, bool check = false) =>
        Cluster.RunPlaybookAsync(Playbook.Yaml(playbook), new PlaybookOptions { ExtraVars = vars, Check = check, JsonOutput = true });

    /// <summary>The version apt would install from the local repository (the twin is this plus "~pin1").</summary>
    private async Task<string> Candidate(string package) =>
        (await Cluster.ExecOkAsync("controller", $"apt-cache policy {package} | sed -n 's/ *Candidate: //p'")).Stdout.Trim();

    private static List<string> Strings(JsonNode? array) => array!.AsArray().Select(n => (string)n!).ToList();

    private static string Passwd(CommandOutput getent) => string.Join(':', getent.Stdout.Trim().Split(':').Take(4));
}
