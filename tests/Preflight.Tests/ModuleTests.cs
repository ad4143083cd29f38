using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Modules.ClusterPreflight;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using HpcWekaSlurm.Preflight.Tests.Rules;

namespace HpcWekaSlurm.Preflight.Tests;

/// <summary>The module's two modes through the runtime, as Ansible runs it (args file in, one JSON object out).</summary>
public sealed class ModuleTests
{
    [Fact]
    public void Gathering_on_this_host_reports_facts_changes_nothing_and_never_shows_the_munge_key()
    {
        var result = Run(new JsonObject
        {
            ["reference_epoch"] = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds,
            ["controllers"] = new JsonArray("localhost"),
            ["nics"] = new JsonArray("lo", "no-such-nic0"),
            ["_ansible_check_mode"] = true,
        });

        Assert.False((bool)result["changed"]!, result.ToJsonString());
        var facts = FactsJson.Read(result["ansible_facts"]!["cluster_preflight"], "facts");
        Assert.True(facts.Controllers["localhost"].Resolved);
        Assert.True(facts.Nics["lo"].Exists);
        Assert.False(facts.Nics["no-such-nic0"].Exists);
        Assert.Contains("(interfaces: ", facts.Nics["no-such-nic0"].Error);
        Assert.InRange(facts.Clock.OffsetSeconds!.Value, -1, 60);
        Assert.True(facts.Memory.RealMemory > 0);
        if (File.Exists("/etc/munge/munge.key"))
        {
            var key = File.ReadAllBytes("/etc/munge/munge.key");
            Assert.Equal(HpcWekaSlurm.Slurm.Munge.MungeKey.Fingerprint(key), facts.MungeKey.Fingerprint);
            Assert.DoesNotContain(Convert.ToBase64String(key), result.ToJsonString());
            Assert.DoesNotContain(Convert.ToHexStringLower(key), result.ToJsonString());
        }
    }

    [Fact]
    public void Clock_offset_test_hook_moves_the_reading_and_is_reported()
    {
        var now = (DateTime.UtcNow - DateTime.UnixEpoch).TotalSeconds;
        var result = Run(new JsonObject { ["reference_epoch"] = now, ["clock_offset_seconds"] = "30" });

        var clock = FactsJson.Read(result["ansible_facts"]!["cluster_preflight"], "facts").Clock;
        Assert.InRange(clock.OffsetSeconds!.Value, 30, 90);
        Assert.Equal(30, clock.TestOffsetSeconds);
    }

    [Fact]
    public void Comparing_returns_the_report_and_problems_without_failing_or_changing_in_check_mode()
    {
        var input = Nodes.Cluster(h => h.WithExpect(e => e with { CgroupPlugin = "cgroup/v2" }));
        var result = Run(new JsonObject
        {
            ["hosts"] = Hosts(input),
            ["reference_host"] = "controller",
            ["_ansible_check_mode"] = true,
        });

        Assert.False((bool?)result["failed"] ?? false, result.ToJsonString());
        Assert.False((bool)result["changed"]!);
        Assert.False((bool)result["passed"]!);
        var problem = Assert.Single(result["problems"]!.AsArray());
        Assert.Equal("cgroup_plugin", (string?)problem!["check"]);
        Assert.Equal(["compute-1"], problem["hosts"]!.AsArray().Select(h => (string?)h));
        Assert.Equal((string?)result["msg"], (string?)result["report"]![0]);
    }

    [Fact]
    public void Node_given_without_facts_is_reported_as_not_checked()
    {
        var hosts = Hosts(Nodes.Cluster());
        hosts["compute-2"] = new JsonObject { ["facts"] = null };

        var result = Run(new JsonObject { ["hosts"] = hosts });

        Assert.Equal("facts", (string?)result["problems"]![0]!["check"]);
        Assert.Equal(["compute-2"], result["problems"]![0]!["hosts"]!.AsArray().Select(h => (string?)h));
    }

    [Theory]
    [InlineData("nics", "option(s) nics read this node; with 'hosts' the module compares facts already gathered")]
    [InlineData("reference_epoch", "option(s) reference_epoch read this node")]
    public void Gathering_option_with_hosts_fails_naming_it(string option, string message)
    {
        var args = new JsonObject { ["hosts"] = Hosts(Nodes.Cluster()), [option] = option == "nics" ? new JsonArray("ib0") : 1.5 };

        var result = Run(args);

        Assert.True((bool)result["failed"]!);
        Assert.StartsWith(message, (string?)result["msg"]);
    }

    [Fact]
    public void Comparing_option_without_hosts_fails_naming_it()
    {
        var result = Run(new JsonObject { ["max_clock_skew"] = 2 });

        Assert.True((bool)result["failed"]!);
        Assert.Equal("option(s) max_clock_skew apply when comparing: give 'hosts' (every node's facts) too", (string?)result["msg"]);
    }

    [Fact]
    public void Malformed_facts_fail_naming_the_option_and_the_path()
    {
        var hosts = Hosts(Nodes.Cluster());
        hosts["compute-0"]!["facts"]!["memory"]!["real_memory"] = "lots";

        var result = Run(new JsonObject { ["hosts"] = hosts });

        Assert.True((bool)result["failed"]!);
        Assert.StartsWith("option 'hosts': hosts.compute-0.facts.memory.real_memory:", (string?)result["msg"]);
    }

    [Fact]
    public void Unknown_ignored_check_is_refused()
    {
        var result = Run(new JsonObject { ["hosts"] = Hosts(Nodes.Cluster()), ["ignore"] = new JsonArray("clock") });

        Assert.True((bool)result["failed"]!);
        Assert.Contains("ignore", (string?)result["msg"]);
    }

    /// <summary>The hosts option as playbooks/preflight.yml builds it: each node's facts and expectations.</summary>
    private static JsonObject Hosts(Modules.ClusterPreflight.Compare.PreflightInput input) =>
        new(input.Hosts.Select(h => KeyValuePair.Create(h.Name, (JsonNode?)new JsonObject
        {
            ["facts"] = FactsJson.Write(h.Facts),
            ["expect"] = new JsonObject
            {
                ["slurmd"] = h.Expect.Slurmd,
                ["accounts"] = new JsonObject(h.Expect.Accounts.Select(a => KeyValuePair.Create(a.Key, (JsonNode?)new JsonObject { ["uid"] = a.Value.Uid, ["gid"] = a.Value.Gid }))),
                ["real_memory"] = h.Expect.RealMemory,
                ["mem_spec_limit"] = h.Expect.MemSpecLimit,
                ["cgroup_plugin"] = h.Expect.CgroupPlugin,
                ["weka_cores"] = h.Expect.WekaCores is { } cores ? new JsonArray([.. cores.Select(c => (JsonNode?)c)]) : null,
                ["weka_nic"] = h.Expect.WekaNic,
                ["weka_mount"] = h.Expect.WekaMount,
            },
        })));

    private static JsonObject Run(JsonObject args)
    {
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, args.ToJsonString());
            // ToArray still works once the runner has disposed the stream.
            var output = new MemoryStream();
            ModuleRunner.Run([file], Options.ModuleName, Options.Spec, Program.Execute, () => Stream.Null, () => output);
            return JsonNode.Parse(Encoding.UTF8.GetString(output.ToArray()))!.AsObject();
        }
        finally
        {
            File.Delete(file);
        }
    }
}
