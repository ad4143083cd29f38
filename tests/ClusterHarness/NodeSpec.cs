namespace HpcWekaSlurm.ClusterHarness;

/// <summary>One cluster node: its hostname (also its inventory name) and its inventory groups.</summary>
public sealed record NodeSpec(string Name, params string[] Groups);
