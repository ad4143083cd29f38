using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class ReportTests
{
    private static IReadOnlyList<Problem> TwoProblems() => PreflightRules.Evaluate(Nodes.Cluster(h => h
        .WithExpect(e => e with { RealMemory = 99_999_999 })
        .WithFacts(f => f with { MungeKey = f.MungeKey with { Fingerprint = new string('0', 64) } })));

    [Fact]
    public void Report_lists_each_problem_with_its_nodes_and_fix_under_a_one_line_verdict()
    {
        var report = PreflightReport.From(TwoProblems(), [], nodesChecked: 3);

        Assert.False(report.Passed);
        Assert.Equal(
            [
                "cluster preflight found 2 problems on 3 nodes: real_memory (compute-1); munge_key (compute-1)",
                "1. [real_memory] RealMemory is above the memory slurmd finds: slurmctld drains the node (\"Low RealMemory\") and it stays drained",
                "   - compute-1: RealMemory=99999999 in the inventory, but slurmd finds 24105 MiB",
            ],
            report.Lines().Take(3));
        Assert.Equal(2, report.Lines().Count(l => l.StartsWith("   fix: ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Ignored_checks_are_listed_last_and_do_not_fail()
    {
        var report = PreflightReport.From(TwoProblems(), [Checks.MungeKey], nodesChecked: 3);

        Assert.False(report.Passed);
        Assert.Equal("cluster preflight found 1 problem on 3 nodes: real_memory (compute-1) (1 problem ignored: munge_key)", report.Summary());
        Assert.StartsWith("2. [munge_key] (ignored)", report.Lines().Single(l => l.StartsWith("2. ", StringComparison.Ordinal)));
        Assert.True(PreflightReport.From(TwoProblems(), [Checks.MungeKey, Checks.RealMemory], 3).Passed);
    }

    [Fact]
    public void Clean_cluster_report_is_one_line()
    {
        var report = PreflightReport.From([], [], nodesChecked: 3);

        Assert.True(report.Passed);
        Assert.Equal(["cluster preflight passed on 3 nodes"], report.Lines());
    }
}
