using HpcWekaSlurm.Modules.ClusterPreflight.Compare;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class ClockRuleTests
{
    [Fact]
    public void Node_30_seconds_ahead_is_named_with_its_skew()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Clock = f.Clock with { Epoch = f.Clock.Epoch + 30 } }));

        var problem = RuleAssert.OnlyProblem(input, Checks.ClockSkew, "compute-1");
        Assert.StartsWith("clock 30", problem.Hosts[0].Detail);
        Assert.Contains("ahead of the other nodes", problem.Hosts[0].Detail);
        Assert.Contains("chrony", problem.Fix);
    }

    [Fact]
    public void Node_behind_is_named_as_behind()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Clock = f.Clock with { Epoch = f.Clock.Epoch - 5 } }));

        var problem = RuleAssert.OnlyProblem(input, Checks.ClockSkew, "compute-1");
        Assert.Contains("behind the other nodes", problem.Hosts[0].Detail);
    }

    [Fact]
    public void Sending_delay_alike_on_every_node_is_no_skew()
    {
        // Every offset carries the controller's sending delay (here 0.7 to 1.4 s): only differences count.
        var input = Nodes.Cluster() with
        {
            Hosts = [.. Nodes.Cluster().Hosts.Select((h, i) => h.WithFacts(f => f with { Clock = new ClockFact(Nodes.Sent + 0.7 + (0.35 * i), Nodes.Sent, 0) }))],
        };

        RuleAssert.NoProblem(input);
    }

    [Fact]
    public void Skew_within_the_threshold_passes_and_above_a_smaller_threshold_fails()
    {
        Func<PreflightHost, PreflightHost> skewed = h => h.WithFacts(f => f with { Clock = f.Clock with { Epoch = f.Clock.Epoch + 0.8 } });

        RuleAssert.NoProblem(Nodes.Cluster(skewed));
        RuleAssert.OnlyProblem(Nodes.Cluster(skewed, maxClockSkew: 0.5), Checks.ClockSkew, "compute-1");
    }

    [Fact]
    public void Two_nodes_apart_blame_the_one_that_is_not_the_reference_node()
    {
        var input = Nodes.Cluster() with
        {
            Hosts = [Nodes.Cluster().Hosts[0], Nodes.Cluster().Hosts[1].WithFacts(f => f with { Clock = f.Clock with { Epoch = f.Clock.Epoch + 10 } })],
        };

        RuleAssert.OnlyProblem(input, Checks.ClockSkew, "compute-0");
    }

    [Fact]
    public void Node_without_a_reference_reading_is_left_out()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Clock = new ClockFact(f.Clock.Epoch + 3600, null, 0) }));

        RuleAssert.NoProblem(input);
    }

    [Fact]
    public void Skew_made_with_the_test_hook_says_so()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Clock = f.Clock with { Epoch = f.Clock.Epoch + 30, TestOffsetSeconds = 30 } }));

        var problem = RuleAssert.OnlyProblem(input, Checks.ClockSkew, "compute-1");
        Assert.Contains("clock_offset_seconds test offset of 30 s", problem.Hosts[0].Detail);
    }
}
