using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class MungeKeyRuleTests
{
    private const string Other = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static Func<PreflightHost, PreflightHost> Key(string? fingerprint) =>
        h => h.WithFacts(f => f with { MungeKey = f.MungeKey with { Fingerprint = fingerprint } });

    [Fact]
    public void Different_key_on_one_node_is_named_by_short_fingerprints_only()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(Key(Other)), Checks.MungeKey, "compute-1");

        Assert.Equal("key sha256 0123456789abcdef, expected 9f2c4a1be0d3c7f6 (as on controller)", problem.Hosts[0].Detail);
        Assert.Contains("playbooks/munge.yml", problem.Fix);
    }

    [Fact]
    public void Controllers_key_is_right_even_when_most_nodes_hold_another()
    {
        var input = Nodes.Cluster() with
        {
            Hosts = [.. Nodes.Cluster().Hosts.Select(h => h.Name == "controller" ? Key(Other)(h) : h)],
        };

        RuleAssert.OnlyProblem(input, Checks.MungeKey, "compute-0", "compute-1");
    }

    [Fact]
    public void Node_without_a_key_yet_is_no_problem()
    {
        RuleAssert.NoProblem(Nodes.Cluster(Key(null)));
    }
}
