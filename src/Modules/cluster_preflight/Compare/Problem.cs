namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>What is wrong on one node, in that node's numbers.</summary>
public sealed record HostIssue(string Host, string Detail);

/// <summary>
/// One problem of the report: which check found it, what it breaks, every node it affects and how to fix it.
/// </summary>
/// <param name="Check">The check's name (see <see cref="Checks"/>); preflight_ignore takes these.</param>
public sealed record Problem(string Check, string Summary, IReadOnlyList<HostIssue> Hosts, string Fix);
