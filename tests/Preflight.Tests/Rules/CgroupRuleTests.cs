using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class CgroupRuleTests
{
    [Fact]
    public void Cgroup_v2_plugin_on_a_hybrid_host_is_fatal_and_named()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(h => h.WithExpect(e => e with { CgroupPlugin = "cgroup/v2" })), Checks.CgroupPlugin, "compute-1");

        Assert.StartsWith("CgroupPlugin=cgroup/v2 cannot run on this host, which has a hybrid", problem.Hosts[0].Detail);
        Assert.Contains("CgroupPlugin=autodetect", problem.Fix);
        Assert.Contains("slurm_cgroup_plugin", problem.Fix);
    }

    [Theory]
    [InlineData("autodetect", "hybrid")]
    [InlineData("cgroup/v1", "v1")]
    [InlineData("cgroup/v2", "v2")]
    public void Plugin_the_hierarchy_runs_passes(string plugin, string hierarchy)
    {
        var input = Nodes.Cluster(h => h.WithExpect(e => e with { CgroupPlugin = plugin })
            .WithFacts(f => f with { Cgroup = f.Cgroup with { Hierarchy = hierarchy } }));

        RuleAssert.NoProblem(input);
    }

    [Fact]
    public void Cgroup_v1_plugin_on_a_v2_only_host_is_named()
    {
        var input = Nodes.Cluster(h => h.WithExpect(e => e with { CgroupPlugin = "cgroup/v1" })
            .WithFacts(f => f with { Cgroup = f.Cgroup with { Hierarchy = "v2" } }));

        RuleAssert.OnlyProblem(input, Checks.CgroupPlugin, "compute-1");
    }

    [Fact]
    public void Missing_memory_controller_is_named_with_what_the_node_has()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Cgroup = f.Cgroup with { Hierarchy = "v2", Controllers = ["cpu", "cpuset", "io", "pids"] } }));

        var problem = RuleAssert.OnlyProblem(input, Checks.CgroupControllers, "compute-1");
        Assert.Equal("cgroup v2 without the memory controller (has: cpu, cpuset, io, pids)", problem.Hosts[0].Detail);
    }
}
