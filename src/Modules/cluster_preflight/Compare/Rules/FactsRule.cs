namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>Nodes that returned no facts cannot be checked: the report says so instead of passing them.</summary>
public static class FactsRule
{
    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        if (input.MissingHosts.Count > 0)
        {
            yield return new Problem(
                Checks.Facts,
                "no facts from these nodes, so they were not checked (gathering failed or the node is unreachable)",
                [.. input.MissingHosts.Select(h => new HostIssue(h, "no facts: see this node's error above"))],
                "fix the error Ansible shows for them above, or leave them out of this run with --limit");
        }
    }
}
