using System.Text.Json.Nodes;

namespace HpcWekaSlurm.CpuAudit.Tests.EndToEnd;

/// <summary>
/// The published module through the real ansible-playbook (connection local), on gathered-tree
/// stand-ins of live nodes with captured scontrol outputs (see <see cref="AuditPlaybook"/>).
/// </summary>
public sealed class PlaybookTests(AuditPlaybook hosts) : IClassFixture<AuditPlaybook>
{
    private async Task<JsonObject> Task(string name) => (await hosts.Run).TaskResults(name)["localhost"];

    private static int[] Ints(JsonNode? node) => [.. node!.AsArray().Select(n => n!.GetValue<int>())];

    [Fact]
    public async Task An_overlap_fails_the_task_naming_the_cpus_and_the_right_cpu_spec_list_with_the_findings_kept()
    {
        var result = await Task("guide example written in OS ids");

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.StartsWith("FAIL: WEKA's CPUs 56,58,60,62 are open to Slurm jobs on node cn7", result["msg"]!.GetValue<string>());
        Assert.EndsWith("set CpuSpecList=28-31 in cn7's node line", result["msg"]!.GetValue<string>());
        Assert.Equal([56, 58, 60, 62], Ints(result["overlap"]));
        Assert.Equal([49, 53, 57, 61], Ints(result["slurm_reserved_cpus"]));
        Assert.Equal("cgroup", result["weka_source"]!.GetValue<string>());
        Assert.False(result["changed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Fail_on_overlap_false_reports_the_overlap_in_a_passing_task()
    {
        var result = await Task("guide example reported only");

        Assert.Null(result["failed"]);
        Assert.Equal([56, 58, 60, 62], Ints(result["overlap"]));
        Assert.Equal("28-31", result["expected_cpu_spec_list"]!.GetValue<string>());
        Assert.StartsWith("FAIL: ", result["verdict"]!.GetValue<string>());
    }

    [Fact]
    public async Task Abstract_ids_pass_and_check_mode_gives_the_same_result()
    {
        var normal = await Task("guide example written in abstract ids");
        var check = await Task("guide example in check mode");

        Assert.Empty(Ints(normal["overlap"]));
        Assert.Equal(60, Ints(normal["job_cpus"]).Length);
        Assert.StartsWith("OK: WEKA's CPUs 56,58,60,62 (cgroup ", normal["msg"]!.GetValue<string>());
        Assert.False(check["changed"]!.GetValue<bool>());
        foreach (var key in new[] { "weka_cpus", "slurm_reserved_cpus", "job_cpus", "overlap", "unreserved_siblings", "over_reserved", "memory", "verdict" })
        {
            Assert.Equal(normal[key]!.ToJsonString(), check[key]!.ToJsonString());
        }
    }

    [Fact]
    public async Task Without_the_cgroup_the_wekafs_core_options_are_audited()
    {
        var result = await Task("weka from the mount options");

        Assert.Equal("mount_options", result["weka_source"]!.GetValue<string>());
        Assert.Equal([56, 58, 60, 62], Ints(result["weka_cpus"]));
        Assert.Empty(Ints(result["overlap"]));
    }

    [Fact]
    public async Task The_integration_guides_cpu_spec_list_passes_but_reports_the_lost_core_and_the_memory_shortfall()
    {
        var result = await Task("integration guide CpuSpecList=47,95");

        Assert.Empty(Ints(result["overlap"]));
        Assert.Equal([23, 71], Ints(result["over_reserved"]));
        Assert.Equal("94-95", result["expected_cpu_spec_list"]!.GetValue<string>());
        var memory = result["memory"]!;
        long Mb(string key) => memory[key]!.GetValue<long>();
        Assert.Equal((500L, 1000L, 1400L, 1400L, 1400L, 900L), (Mb("mem_spec_limit_mb"), Mb("real_memory_mb"), Mb("hugepages_mb"), Mb("weka_mount_memory_mb"), Mb("weka_memory_mb"), Mb("shortfall_mb")));
        Assert.False(memory["ok"]!.GetValue<bool>());
        var warnings = result["warnings"]!.AsArray().Select(w => w!.GetValue<string>()).ToList();
        Assert.Contains(warnings, w => w.StartsWith("over-reserved: CPUSpecList=46-47,94-95 also keeps CPUs 23,71 from jobs", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.StartsWith("memory: MemSpecLimit=500 MiB is below the 1400 MiB", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_bad_cgroup_name_fails_naming_the_option()
    {
        var result = await Task("bad cgroup name");

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.StartsWith("option 'weka_cgroup': '../../etc' is not a cgroup path below the cpuset hierarchy's root", result["msg"]!.GetValue<string>());
        Assert.Null(result["overlap"]);
    }

    [Fact]
    public async Task A_failing_real_scontrol_is_reported_with_its_exit_code_and_the_options_to_use()
    {
        var result = await Task("real scontrol without a controller");

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.StartsWith("'scontrol show node hws-audit-node' failed (rc 1): slurm_load_node error: Unable to contact slurm controller", result["msg"]!.GetValue<string>());
        Assert.EndsWith("(set node_name to the node's Slurm name, or pass scontrol_output)", result["msg"]!.GetValue<string>());
        Assert.NotEqual(0, result["rc"]!.GetValue<int>());
    }
}
