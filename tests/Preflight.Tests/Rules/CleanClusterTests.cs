using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class CleanClusterTests
{
    [Fact]
    public void Healthy_cluster_has_no_problem() => RuleAssert.NoProblem(Nodes.Cluster());

    [Fact]
    public void Fresh_nodes_without_accounts_packages_or_key_have_no_problem_the_rollout_installs_them()
    {
        var input = Nodes.Cluster() with
        {
            Hosts = [.. Nodes.Cluster().Hosts.Select(h => h.WithFacts(f => f with
            {
                Accounts = new Dictionary<string, Modules.ClusterPreflight.Facts.AccountFact?> { ["slurm"] = null, ["munge"] = null },
                Packages = f.Packages with { Installed = new Dictionary<string, string>(), SlurmVersions = [], SlurmDaemonVersion = null, MungeVersion = null },
                MungeKey = f.MungeKey with { Fingerprint = null, Size = null },
            }))],
        };

        RuleAssert.NoProblem(input);
    }

    [Fact]
    public void Nodes_without_facts_are_reported_not_passed()
    {
        var input = Nodes.Cluster() with { MissingHosts = ["compute-2"] };

        var problem = RuleAssert.OnlyProblem(input, Checks.Facts, "compute-2");
        Assert.Contains("not checked", problem.Summary);
    }
}
