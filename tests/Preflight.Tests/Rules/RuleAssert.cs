using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public static class RuleAssert
{
    /// <summary>The whole rule set finds exactly one problem, of <paramref name="check"/>, on exactly <paramref name="hosts"/>.</summary>
    public static Problem OnlyProblem(PreflightInput input, string check, params string[] hosts)
    {
        var problems = PreflightRules.Evaluate(input);
        var problem = Assert.Single(problems);
        Assert.Equal(check, problem.Check);
        Assert.Equal(hosts, problem.Hosts.Select(h => h.Host));
        return problem;
    }

    public static void NoProblem(PreflightInput input) => Assert.Empty(PreflightRules.Evaluate(input));
}
