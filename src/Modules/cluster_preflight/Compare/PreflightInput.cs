using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>One node as the comparison sees it: its inventory name, its facts, what the inventory asks of it.</summary>
public sealed record PreflightHost(string Name, HostFacts Facts, HostExpectations Expect);

/// <param name="MissingHosts">Nodes of the play that returned no facts (failed or unreachable).</param>
/// <param name="ReferenceHost">The node whose values win when nodes disagree and the inventory says nothing (the first controller: munge.yml spreads its key).</param>
/// <param name="MaxClockSkew">Seconds a node's clock may be off the others'.</param>
public sealed record PreflightInput(
    IReadOnlyList<PreflightHost> Hosts,
    IReadOnlyList<string> MissingHosts,
    string? ReferenceHost,
    double MaxClockSkew);
