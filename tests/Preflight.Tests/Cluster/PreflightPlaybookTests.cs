using System.Text.Json.Nodes;
using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Preflight.Tests.Cluster;

/// <summary>
/// playbooks/preflight.yml, the real ansible-playbook, the collection as `make collection` installs it,
/// on three containers with the dedicated-backend example's group_vars (container-sized by host vars).
/// A clean cluster passes; then one problem at a time is made on compute-1 (and undone) and the report
/// must name exactly compute-1 and that problem.
/// </summary>
public sealed class PreflightPlaybookTests(PreflightCluster fixture) : IClassFixture<PreflightCluster>
{
    private const string Compare = "Compare every node with the others and with the inventory";
    private const string Faulty = "compute-1";

    private ClusterHarness.Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Clean_cluster_passes_and_check_mode_gives_the_same_verdict_without_changes()
    {
        foreach (var check in new[] { false, true })
        {
            var run = await Run(check: check);

            Assert.True(run.Succeeded, run.ToString());
            Assert.Equal(0, run.Changed);
            var result = Comparison(run);
            Assert.True((bool)result["passed"]!, result.ToJsonString());
            Assert.Equal("cluster preflight passed on 3 nodes", (string?)result["msg"]);
        }
    }

    [Fact]
    public async Task Different_slurm_uid_on_one_node_is_reported_on_that_node()
    {
        await Cluster.ExecOkAsync(Faulty, "usermod -u 1234 slurm");
        try
        {
            var problem = OnlyProblem(await Run());

            Assert.Equal("account_ids", (string?)problem["check"]);
            Assert.Equal("user slurm has uid 1234, expected 450 (inventory slurm_uid)", (string?)problem["issues"]![0]!["detail"]);
        }
        finally
        {
            await Cluster.ExecOkAsync(Faulty, "usermod -u 450 slurm");
        }
    }

    [Fact]
    public async Task Clock_offset_on_one_node_is_reported_on_that_node()
    {
        var problem = OnlyProblem(await Run(new JsonObject { ["preflight_test_clock_offset_seconds"] = 30 }));

        Assert.Equal("clock_skew", (string?)problem["check"]);
        Assert.Contains("ahead of the other nodes (includes a clock_offset_seconds test offset of 30 s)", (string?)problem["issues"]![0]!["detail"]);
    }

    [Fact]
    public async Task Wrong_RealMemory_in_the_inventory_is_reported_on_that_node()
    {
        var problem = OnlyProblem(await Run(new JsonObject { ["slurm_node_settings"] = new JsonObject { ["RealMemory"] = 99_999_999 } }));

        Assert.Equal("real_memory", (string?)problem["check"]);
        Assert.StartsWith("RealMemory=99999999 in the inventory, but slurmd finds ", (string?)problem["issues"]![0]!["detail"]);
    }

    [Fact]
    public async Task CgroupPlugin_the_hosts_hierarchy_cannot_run_is_reported_on_that_node()
    {
        // cgroup/v2 on this machine's hybrid (or v1) hierarchy; cgroup/v1 were it v2 only.
        var unified = (await Cluster.ExecAsync(Faulty, "test -e /sys/fs/cgroup/cgroup.controllers")).Succeeded;
        var plugin = unified ? "cgroup/v1" : "cgroup/v2";

        var problem = OnlyProblem(await Run(new JsonObject { ["slurm_cgroup_plugin"] = plugin }));

        Assert.Equal("cgroup_plugin", (string?)problem["check"]);
        Assert.StartsWith($"CgroupPlugin={plugin} cannot run on this host", (string?)problem["issues"]![0]!["detail"]);
    }

    [Fact]
    public async Task Different_munge_key_on_one_node_is_reported_on_that_node_by_fingerprint_only()
    {
        var original = (await Cluster.ExecOkAsync(Faulty, "base64 -w0 /etc/munge/munge.key")).Stdout.Trim();
        await Cluster.ExecOkAsync(Faulty, "head -c 1024 /dev/urandom > /etc/munge/munge.key");
        try
        {
            var different = (await Cluster.ExecOkAsync(Faulty, "base64 -w0 /etc/munge/munge.key")).Stdout.Trim();
            var run = await Run();
            var problem = OnlyProblem(run);

            Assert.Equal("munge_key", (string?)problem["check"]);
            Assert.StartsWith("key sha256 ", (string?)problem["issues"]![0]!["detail"]);
            Assert.DoesNotContain(different, run.Stdout);
            Assert.DoesNotContain(original, run.Stdout);
        }
        finally
        {
            await Cluster.ExecOkAsync(Faulty, $"echo {original} | base64 -d > /etc/munge/munge.key");
        }
    }

    [Fact]
    public async Task Example_playbook_stops_at_a_failing_preflight_before_changing_anything()
    {
        var run = await Run(new JsonObject { ["slurm_node_settings"] = new JsonObject { ["RealMemory"] = 99_999_999 } }, playbook: "playbooks/dedicated_backend.yml", json: false);

        Assert.False(run.Succeeded, run.ToString());
        Assert.Contains("cluster preflight found 1 problem on 3 nodes: real_memory (compute-1)", run.Stdout);
        Assert.DoesNotContain("Install the Slurm packages", run.Stdout);
        Assert.Equal(0, run.Changed);
    }

    /// <summary>The preflight failed the play, and its report holds exactly one problem, on exactly compute-1.</summary>
    private static JsonObject OnlyProblem(PlaybookResult run)
    {
        Assert.False(run.Succeeded, run.ToString());
        var result = Comparison(run);
        Assert.False((bool)result["passed"]!);
        var problem = Assert.Single(result["problems"]!.AsArray())!.AsObject();
        Assert.Equal([Faulty], problem["hosts"]!.AsArray().Select(h => (string?)h));
        Assert.Contains(result["report"]!.AsArray(), line => ((string?)line)!.StartsWith($"   - {Faulty}: ", StringComparison.Ordinal));
        Assert.Equal($"cluster preflight found 1 problem on 3 nodes: {problem["check"]} ({Faulty})", (string?)result["msg"]);
        return problem;
    }

    /// <summary>The comparison's result (run once: one node reports it); a failed comparison shows the whole run.</summary>
    private static JsonObject Comparison(PlaybookResult run)
    {
        var result = Assert.Single(run.TaskResults(Compare).Values);
        Assert.True(result["passed"] is not null, $"the comparison did not run: {result.ToJsonString()}\n{run}");
        return result;
    }

    /// <summary>The preflight with the example inventory's group_vars, container-sized host vars, and <paramref name="faulty"/> on compute-1.</summary>
    private Task<PlaybookResult> Run(JsonObject? faulty = null, bool check = false, string playbook = "playbooks/preflight.yml", bool json = true)
    {
        var hostVars = PreflightCluster.Nodes.ToDictionary(n => n, n => Containerised(n == Faulty ? faulty : null));
        return Cluster.RunPlaybookAsync(Playbook.File(playbook), new PlaybookOptions
        {
            GroupVars = "playbooks/inventories/dedicated_backend/group_vars",
            HostVars = hostVars,
            JsonOutput = json,
            Check = check,
        });
    }

    /// <summary>What differs between the example's hardware and a 2-CPU container (as molecule/shared/container_overrides.yml), plus a fault.</summary>
    private static JsonObject Containerised(JsonObject? faulty)
    {
        var vars = new JsonObject
        {
            ["weka_cores"] = new JsonArray(1),
            ["weka_nic"] = "eth0",
            ["weka_net"] = new JsonArray("eth0"),
            ["weka_memory_mb"] = 1000,
            ["os_memory_mb"] = 0,
            ["weka_mount_state"] = "present",
        };
        foreach (var (key, value) in faulty ?? new JsonObject())
        {
            vars[key] = value?.DeepClone();
        }

        return vars;
    }
}
