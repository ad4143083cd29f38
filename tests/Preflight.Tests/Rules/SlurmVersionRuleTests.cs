using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class SlurmVersionRuleTests
{
    private static Func<PreflightHost, PreflightHost> Versions(params string[] versions) =>
        h => h.WithFacts(f => f with { Packages = f.Packages with { SlurmVersions = versions } });

    [Fact]
    public void Newer_slurm_on_one_node_is_named_against_the_controllers_version()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(Versions("23.02.1")), Checks.SlurmVersion, "compute-1");

        Assert.Equal("Slurm 23.02.1, expected 22.05.8 (as on controller)", problem.Hosts[0].Detail);
        Assert.Contains("22.05.8 on controller, compute-0; 23.02.1 on compute-1", problem.Summary);
        Assert.Contains("slurm_version", problem.Fix);
    }

    [Fact]
    public void Mixed_versions_on_one_node_are_named()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(Versions("22.05.8", "23.02.1")), Checks.SlurmVersion, "compute-1");

        Assert.Contains("several versions", problem.Hosts[0].Detail);
    }

    [Fact]
    public void Slurm_built_from_source_is_compared_by_what_slurmd_says()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Packages = f.Packages with { SlurmVersions = [], SlurmDaemonVersion = "24.11.5" } }));

        RuleAssert.OnlyProblem(input, Checks.SlurmVersion, "compute-1");
    }

    [Fact]
    public void Node_without_slurm_is_no_problem()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Packages = f.Packages with { SlurmVersions = [], SlurmDaemonVersion = null } }));

        RuleAssert.NoProblem(input);
    }
}
