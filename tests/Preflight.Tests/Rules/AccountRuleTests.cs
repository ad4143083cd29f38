using HpcWekaSlurm.Modules.ClusterPreflight.Compare;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class AccountRuleTests
{
    private static Func<PreflightHost, PreflightHost> Slurm(AccountFact? account) =>
        h => h.WithFacts(f => f with { Accounts = new Dictionary<string, AccountFact?>(f.Accounts) { ["slurm"] = account } });

    [Fact]
    public void Different_slurm_uid_on_one_node_names_it_with_the_inventory_value_and_the_usermod_fix()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(Slurm(new AccountFact(1234, 450, 450))), Checks.AccountIds, "compute-1");

        Assert.Equal("user slurm has uid 1234, expected 450 (inventory slurm_uid)", problem.Hosts[0].Detail);
        Assert.Contains("450 on controller, compute-0; 1234 on compute-1", problem.Summary);
        Assert.Contains("usermod -u 450 slurm", problem.Fix);
    }

    [Fact]
    public void Different_munge_gid_names_the_group_and_groupmod()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with
        {
            Accounts = new Dictionary<string, AccountFact?>(f.Accounts) { ["munge"] = new AccountFact(451, 451, 999) },
        }));

        var problem = RuleAssert.OnlyProblem(input, Checks.AccountIds, "compute-1");
        Assert.Equal("group munge has gid 999, expected 451 (inventory munge_gid)", problem.Hosts[0].Detail);
        Assert.Contains("groupmod -g 451 munge", problem.Fix);
    }

    [Fact]
    public void Every_node_agreeing_on_an_id_the_inventory_does_not_want_names_every_node()
    {
        var input = Nodes.Cluster() with
        {
            Hosts = [.. Nodes.Cluster().Hosts.Select(Slurm(new AccountFact(64030, 64030, 64030)))],
        };

        var problems = PreflightRules.Evaluate(input);
        Assert.Equal(2, problems.Count);
        Assert.All(problems, p => Assert.Equal(["controller", "compute-0", "compute-1"], p.Hosts.Select(h => h.Host)));
    }

    [Fact]
    public void Without_inventory_ids_the_reference_node_is_right_even_in_the_minority()
    {
        var input = Nodes.Cluster() with
        {
            Hosts = [.. Nodes.Cluster().Hosts.Select(h => (h.Name == "controller" ? h : Slurm(new AccountFact(1000, 450, 450))(h))
                .WithExpect(e => e with { Accounts = new Dictionary<string, AccountIds>() }))],
        };

        var problem = RuleAssert.OnlyProblem(input, Checks.AccountIds, "compute-0", "compute-1");
        Assert.Equal("user slurm has uid 1000, expected 450 (as on controller)", problem.Hosts[0].Detail);
    }

    [Fact]
    public void Account_missing_on_a_node_is_no_problem_the_rollout_creates_it()
    {
        RuleAssert.NoProblem(Nodes.Cluster(Slurm(null)));
    }
}
