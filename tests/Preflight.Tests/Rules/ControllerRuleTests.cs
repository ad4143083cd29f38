using HpcWekaSlurm.Modules.ClusterPreflight.Compare;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class ControllerRuleTests
{
    private static Func<PreflightHost, PreflightHost> Resolves(ResolutionFact resolution) =>
        h => h.WithFacts(f => f with { Controllers = new Dictionary<string, ResolutionFact> { ["controller"] = resolution } });

    [Fact]
    public void Unresolvable_controller_names_the_node_the_name_and_the_resolver_error()
    {
        var input = Nodes.Cluster(Resolves(new ResolutionFact([], "HostNotFound: Name or service not known")));

        var problem = RuleAssert.OnlyProblem(input, Checks.ControllerResolution, "compute-1");
        Assert.Equal("'controller' does not resolve: HostNotFound: Name or service not known", problem.Hosts[0].Detail);
        Assert.Contains("/etc/hosts", problem.Fix);
    }

    [Fact]
    public void Controller_name_on_loopback_of_another_node_is_a_problem()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(Resolves(new ResolutionFact(["127.0.1.1"], null))), Checks.ControllerResolution, "compute-1");

        Assert.Contains("loopback", problem.Summary);
    }

    [Fact]
    public void Controller_resolving_itself_to_loopback_is_fine()
    {
        var input = Nodes.Cluster() with
        {
            Hosts = [.. Nodes.Cluster().Hosts.Select(h => h.Name == "controller" ? Resolves(new ResolutionFact(["127.0.1.1", "::1"], null))(h) : h)],
        };

        RuleAssert.NoProblem(input);
    }
}
