using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.Topology.Tests.Fixtures;

namespace HpcWekaSlurm.Topology.Tests.Oracle;

/// <summary>
/// The module's node line, given to real slurmd 22.05 on the same topology (hwloc reading the same
/// sysfs tree): slurmd must see the hardware the line states, number CPUs as the module does,
/// and reserve exactly WEKA's CPUs.
/// </summary>
[Collection(TopologyCollection.Name)]
public class OracleTests(HostTrees trees, MungeFixture munge)
{
    private const string NodeName = "oracle";

    private sealed record Case(string Host, string Args, bool Synthetic = false);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["A one core, memory"] = new("A-linear-siblings-far", """{"weka_core_count": 1, "weka_memory_mb": 300, "weka_nic": "ib0", "os_memory_mb": 100}"""),
        ["A one core, synthetic hwloc topology"] = new("A-linear-siblings-far", """{"weka_core_count": 1}""", Synthetic: true),
        ["A CoreSpecCount"] = new("A-linear-siblings-far", """{"weka_core_count": 1, "spec_style": "core_spec_count"}"""),
        ["A two cores near ib1"] = new("A-linear-siblings-far", """{"weka_core_count": 2, "weka_nic": "ib1"}"""),
        ["B given cores"] = new("B-numa-interleaved", """{"weka_cores": [56, 58, 60, 62]}"""),
        ["C CoreSpecCount=2"] = new("C-siblings-adjacent", """{"weka_core_count": 2, "spec_style": "core_spec_count"}"""),
        ["interleaved with hyperthreads"] = new("interleaved-ht", """{"weka_core_count": 2, "weka_nic": "ib0"}"""),
        ["SMT4"] = new("smt4", """{"weka_core_count": 1, "weka_nic": "ib0"}"""),
        ["core_id gaps"] = new("core-id-gaps", """{"weka_cores": [9, 19]}"""),
        ["core_id scrambled"] = new("core-id-scrambled", """{"weka_core_count": 2}"""),
        ["sub-NUMA interleaved"] = new("snc-interleaved", """{"weka_core_count": 2, "weka_nic": "ib0"}"""),
        ["L3 interleaved"] = new("l3-interleaved", """{"weka_core_count": 2}"""),
        ["two boards"] = new("two-boards", """{"weka_core_count": 1}"""),
        ["SMT off at run time"] = new("smt-off", "{}"),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [SlurmTheory]
    [MemberData(nameof(CaseNames))]
    public void Real_slurmd_reserves_exactly_the_weka_cpus(string name)
    {
        var (host, args, synthetic) = Cases[name];
        var fixture = trees.Of(Hosts.ByName(host));
        var moduleArgs = (JsonObject)JsonNode.Parse(args)!;
        moduleArgs["root"] = fixture.Root;
        moduleArgs["node_name"] = NodeName;
        var (code, result) = ModuleHarness.Run(moduleArgs);
        Assert.True(code == 0, result.ToJsonString());
        var facts = ModuleHarness.Facts(result);

        using var scratch = new TempDir();
        var xml = synthetic
            ? Lstopo.Synthetic(fixture.Description, facts["sockets_per_board"]!.GetValue<int>(), facts["cores_per_socket"]!.GetValue<int>(), facts["threads_per_core"]!.GetValue<int>(), scratch.Sub("topo.xml"))
            : Lstopo.FromSysfs(fixture.Root, scratch.Sub("topo.xml"));
        var verdict = SlurmNodeRun.Run(munge, NodeName, facts["node_line"]!.GetValue<string>(), xml);

        // slurmd finds the hardware the node line states.
        int F(string key) => facts[key]!.GetValue<int>();
        Assert.Equal((F("cpus"), F("boards"), F("sockets_per_board") * F("boards"), F("cores_per_socket"), F("threads_per_core")), verdict.Hardware);
        Assert.DoesNotContain("Node configuration differs from hardware", verdict.SlurmdLog);

        // slurmd numbers the CPUs as the module does (on irregular hosts it maps only part of them).
        var cpuMap = facts["cpu_map"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
        var irregular = result["warnings"]?.AsArray().Any(w => w!.GetValue<string>().StartsWith("irregular topology", StringComparison.Ordinal)) ?? false;
        Assert.Equal(irregular, verdict.CpuMap.Count < cpuMap.Count);
        Assert.All(verdict.CpuMap, entry => Assert.Equal(cpuMap[entry.Key], entry.Value));

        // slurmctld reports the module's CPUSpecList, and slurmd's map puts it on exactly weka_cpus.
        var wekaCpus = facts["weka_cpus"]!.AsArray().Select(n => n!.GetValue<int>()).ToList();
        if (facts["cpu_spec_list"]?.GetValue<string>() is { } cpuSpecList)
        {
            Assert.Equal(cpuSpecList, verdict.Node["CPUSpecList"]);
            Assert.Equal(wekaCpus, CpuList.Parse(verdict.Node["CPUSpecList"]).Select(a => verdict.CpuMap[a]).Order());
            Assert.Equal(wekaCpus.Count / F("threads_per_core"), int.Parse(verdict.Node["CoreSpecCount"], System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            Assert.Empty(wekaCpus);
            Assert.False(verdict.Node.ContainsKey("CPUSpecList"));
        }

        if (facts["mem_spec_limit"]?.GetValue<long>() is { } memSpecLimit)
        {
            Assert.Equal(memSpecLimit.ToString(System.Globalization.CultureInfo.InvariantCulture), verdict.Node["MemSpecLimit"]);
        }
    }

    [SlurmFact]
    public void Real_slurmd_takes_a_second_core_for_the_guides_cpu_spec_list()
    {
        var fixture = trees.Of(Hosts.A);
        var line = fixture.Compute(wekaCores: [47]).NodeLine.ToString().Replace("NodeName=n1", $"NodeName={NodeName}", StringComparison.Ordinal)
            .Replace("CpuSpecList=94-95", "CpuSpecList=47,95", StringComparison.Ordinal);
        using var scratch = new TempDir();
        var verdict = SlurmNodeRun.Run(munge, NodeName, line, Lstopo.FromSysfs(fixture.Root, scratch.Sub("topo.xml")));

        Assert.Equal("46-47,94-95", verdict.Node["CPUSpecList"]);
        Assert.Equal([23, 47, 71, 95], CpuList.Parse(verdict.Node["CPUSpecList"]).Select(a => verdict.CpuMap[a]).Order());
    }

    [SlurmFact]
    public void On_this_machine_the_node_line_is_what_slurmd_C_prints()
    {
        var (code, result) = ModuleHarness.Run([]);
        Assert.Equal(0, code);
        var slurmdC = CommandRunner.Run(SlurmInstall.Slurmd, ["-C"], TimeSpan.FromSeconds(60));
        Assert.Equal(slurmdC.StdOut.Split('\n')[0].Trim(), ModuleHarness.Facts(result)["node_line"]!.GetValue<string>());
    }
}
