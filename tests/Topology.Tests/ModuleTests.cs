using System.Text.Json.Nodes;
using HpcWekaSlurm.Topology.Tests.Fixtures;

namespace HpcWekaSlurm.Topology.Tests;

/// <summary>The slurm_node_facts module run in-process on fixture trees, the way Ansible runs the binary.</summary>
[Collection(TopologyCollection.Name)]
public class ModuleTests(HostTrees trees)
{
    private static (int Code, JsonObject Result) Run(FixtureHost host, JsonObject args)
    {
        args["root"] = host.Root;
        return ModuleHarness.Run(args);
    }

    [Fact]
    public void Reports_the_node_and_the_reservation_as_facts_without_changing_anything()
    {
        var host = trees.Of(Hosts.A);
        var (code, result) = Run(host, new JsonObject { ["weka_core_count"] = 1, ["weka_nic"] = "ib0", ["weka_memory_mb"] = 300, ["os_memory_mb"] = 100 });
        var facts = ModuleHarness.Facts(result);

        Assert.Equal(0, code);
        Assert.False(result["changed"]!.GetValue<bool>());
        Assert.Equal("node1", facts["node_name"]!.GetValue<string>());
        Assert.Equal((96, 1, 2, 24, 2, 1000L), (facts["cpus"]!.GetValue<int>(), facts["boards"]!.GetValue<int>(), facts["sockets_per_board"]!.GetValue<int>(),
            facts["cores_per_socket"]!.GetValue<int>(), facts["threads_per_core"]!.GetValue<int>(), facts["real_memory"]!.GetValue<long>()));
        Assert.Equal("[47]", facts["weka_cores"]!.ToJsonString());
        Assert.Equal("[47,95]", facts["weka_cpus"]!.ToJsonString());
        Assert.Equal("94-95", facts["cpu_spec_list"]!.GetValue<string>());
        Assert.Equal(1, facts["core_spec_count"]!.GetValue<int>());
        Assert.Equal(400, facts["mem_spec_limit"]!.GetValue<long>());
        Assert.Equal(1, facts["weka_numa_node"]!.GetValue<int>());
        const string line = "NodeName=node1 CPUs=96 Boards=1 SocketsPerBoard=2 CoresPerSocket=24 ThreadsPerCore=2 RealMemory=1000 MemSpecLimit=400 CpuSpecList=94-95";
        Assert.Equal(line, facts["node_line"]!.GetValue<string>());
        Assert.Equal(line, result["msg"]!.GetValue<string>());
        Assert.Equal("""{"NodeName":"node1","CPUs":96,"Boards":1,"SocketsPerBoard":2,"CoresPerSocket":24,"ThreadsPerCore":2,"RealMemory":1000,"MemSpecLimit":400,"CpuSpecList":"94-95"}""",
            facts["node_config"]!.ToJsonString());
        Assert.Equal("""{"0":"0-23,48-71","1":"24-47,72-95"}""", facts["numa_nodes"]!.ToJsonString());
        Assert.Equal(96, facts["cpu_map"]!.AsArray().Count);
        Assert.Equal(48, facts["cpu_map"]![1]!.GetValue<int>());
    }

    [Fact]
    public void Check_mode_reports_the_same_facts()
    {
        var host = trees.Of(Hosts.B);
        var args = new JsonObject { ["weka_cores"] = new JsonArray("56", 58, 60, 62), ["node_name"] = "cn7" };
        var (_, normal) = Run(host, args);
        args["_ansible_check_mode"] = true;
        var (code, check) = Run(host, args);

        Assert.Equal(0, code);
        Assert.Equal(ModuleHarness.Facts(normal).ToJsonString(), ModuleHarness.Facts(check).ToJsonString());
        Assert.Equal("28-31", ModuleHarness.Facts(check)["cpu_spec_list"]!.GetValue<string>());
        Assert.False(check["changed"]!.GetValue<bool>());
    }

    [Fact]
    public void No_reservation_leaves_the_spec_facts_null()
    {
        var host = trees.Of(Hosts.C);
        var facts = ModuleHarness.Facts(Run(host, []).Result);
        Assert.Equal("[]", facts["weka_cores"]!.ToJsonString());
        Assert.Null(facts["cpu_spec_list"]);
        Assert.Null(facts["core_spec_count"]);
        Assert.Null(facts["mem_spec_limit"]);
        Assert.Equal("NodeName=node1 CPUs=8 Boards=1 SocketsPerBoard=1 CoresPerSocket=4 ThreadsPerCore=2 RealMemory=1000", facts["node_line"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"weka_cores": [47], "weka_core_count": 1}""", "parameters are mutually exclusive: weka_cores|weka_core_count")]
    [InlineData("""{"weka_cores": [48]}""", "weka_cores: CPU 48 is on physical core 0 (CPUs 0,48)")]
    [InlineData("""{"weka_cores": [100]}""", "weka_cores: CPU 100 is not online on this host (online: 0-95)")]
    [InlineData("""{"weka_core_count": 30, "weka_nic": "ib0"}""", "weka_core_count: 30 cores asked, but NUMA node 1 of weka_nic 'ib0' has only 24 cores")]
    [InlineData("""{"weka_core_count": 1, "weka_nic": "ib7"}""", "option 'weka_nic': there is no network interface 'ib7'")]
    [InlineData("""{"weka_core_count": 1, "spec_style": "count"}""", "value of spec_style must be one of: cpu_spec_list, core_spec_count, got: count")]
    [InlineData("""{"weka_cores": ["x"]}""", "option 'weka_cores'")]
    [InlineData("""{"weka_core_count": 99999999999}""", "option 'weka_core_count': 99999999999 is out of range")]
    public void Bad_input_is_a_failed_result_naming_the_option(string args, string expected)
    {
        var host = trees.Of(Hosts.A);
        var (code, result) = Run(host, (JsonObject)JsonNode.Parse(args)!);
        Assert.Equal(1, code);
        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.Contains(expected, result["msg"]!.GetValue<string>());
        Assert.Null(result["ansible_facts"]);
    }

    [Fact]
    public void A_root_without_a_topology_fails_naming_the_file()
    {
        using var dir = new TempDir();
        var (code, result) = ModuleHarness.Run(new JsonObject { ["root"] = dir.Path });
        Assert.Equal(1, code);
        Assert.Contains("sys/devices/system/cpu/online does not exist", result["msg"]!.GetValue<string>());
    }

    [Fact]
    public void A_gathered_tree_without_hostname_needs_node_name()
    {
        using var host = new FixtureHost(Hosts.C);
        File.Delete(Path.Combine(host.Root, "proc/sys/kernel/hostname"));
        var (code, result) = Run(host, []);
        Assert.Equal(1, code);
        Assert.StartsWith("option 'node_name': not given", result["msg"]!.GetValue<string>());
        Assert.Equal("cn1", ModuleHarness.Facts(Run(host, new JsonObject { ["node_name"] = "cn1" }).Result)["node_name"]!.GetValue<string>());
    }

    [Fact]
    public void Warnings_reach_the_result()
    {
        var host = trees.Of(Hosts.A);
        var (_, result) = Run(host, new JsonObject { ["weka_core_count"] = 1, ["weka_nic"] = "bond0" });
        Assert.Contains("weka_nic 'bond0' is unknown", result["warnings"]![0]!.GetValue<string>());
    }
}
