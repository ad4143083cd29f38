using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class MemoryRuleTests
{
    [Fact]
    public void RealMemory_above_what_slurmd_finds_names_the_node_and_both_numbers()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(h => h.WithExpect(e => e with { RealMemory = 99_999_999 })), Checks.RealMemory, "compute-1");

        Assert.Equal("RealMemory=99999999 in the inventory, but slurmd finds 24105 MiB", problem.Hosts[0].Detail);
        Assert.Contains("Low RealMemory", problem.Summary);
    }

    [Fact]
    public void RealMemory_equal_to_what_slurmd_finds_fits()
    {
        RuleAssert.NoProblem(Nodes.Cluster(h => h.WithExpect(e => e with { RealMemory = 24_105 })));
    }

    [Fact]
    public void MemSpecLimit_not_below_RealMemory_leaves_nothing_for_jobs()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(h => h.WithExpect(e => e with { MemSpecLimit = 24_105 })), Checks.MemSpecLimit, "compute-1");

        Assert.Equal("MemSpecLimit=24105 is not below RealMemory=24105", problem.Hosts[0].Detail);
    }

    [Fact]
    public void MemSpecLimit_is_held_against_the_inventory_RealMemory_when_one_is_set()
    {
        var input = Nodes.Cluster(h => h.WithExpect(e => e with { RealMemory = 4000, MemSpecLimit = 4000 }));

        RuleAssert.OnlyProblem(input, Checks.MemSpecLimit, "compute-1");
    }

    [Fact]
    public void Nodes_without_slurmd_are_not_checked()
    {
        var input = Nodes.Cluster() with
        {
            Hosts = [.. Nodes.Cluster().Hosts.Select(h => h.Name == "controller" ? h.WithExpect(e => e with { RealMemory = 99_999_999 }) : h)],
        };

        RuleAssert.NoProblem(input);
    }
}
