using HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>Every cluster-wide check, in report order. Pure: facts and expectations in, problems out.</summary>
public static class PreflightRules
{
    private static readonly Func<PreflightInput, IEnumerable<Problem>>[] Rules =
    [
        FactsRule.Check,
        ClockRule.Check,
        AccountRule.Check,
        ControllerRule.Check,
        MemoryRule.Check,
        CgroupRule.Check,
        WekaRule.Check,
        SlurmVersionRule.Check,
        MungeKeyRule.Check,
    ];

    public static IReadOnlyList<Problem> Evaluate(PreflightInput input) => [.. Rules.SelectMany(rule => rule(input))];
}
