namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>One host's line of the PLAY RECAP.</summary>
public sealed record HostRecap(int Ok, int Changed, int Unreachable, int Failed, int Skipped, int Rescued, int Ignored);
