namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>The problems as one report a person reads top to bottom: what, where, how to fix; ignored checks last.</summary>
public sealed record PreflightReport(IReadOnlyList<Problem> Failures, IReadOnlyList<Problem> Ignored, int NodesChecked)
{
    public static PreflightReport From(IReadOnlyList<Problem> problems, IReadOnlyCollection<string> ignore, int nodesChecked) =>
        new([.. problems.Where(p => !ignore.Contains(p.Check))], [.. problems.Where(p => ignore.Contains(p.Check))], nodesChecked);

    public bool Passed => Failures.Count == 0;

    /// <summary>One line: the verdict, and each failing check with its nodes.</summary>
    public string Summary()
    {
        var nodes = NodesChecked == 1 ? "1 node" : $"{NodesChecked} nodes";
        var verdict = Passed
            ? $"cluster preflight passed on {nodes}"
            : $"cluster preflight found {Count(Failures.Count)} on {nodes}: " +
              string.Join("; ", Failures.Select(p => $"{p.Check} ({string.Join(", ", p.Hosts.Select(h => h.Host).Distinct())})"));
        return Ignored.Count == 0 ? verdict : $"{verdict} ({Count(Ignored.Count)} ignored: {string.Join(", ", Ignored.Select(p => p.Check).Distinct())})";
    }

    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string> { Summary() };
        var number = 0;
        foreach (var (problem, ignored) in Failures.Select(p => (p, false)).Concat(Ignored.Select(p => (p, true))))
        {
            lines.Add($"{++number}. [{problem.Check}]{(ignored ? " (ignored)" : string.Empty)} {problem.Summary}");
            lines.AddRange(problem.Hosts.Select(h => $"   - {h.Host}: {h.Detail}"));
            lines.Add($"   fix: {problem.Fix}");
        }

        return lines;
    }

    private static string Count(int problems) => problems == 1 ? "1 problem" : $"{problems} problems";
}
