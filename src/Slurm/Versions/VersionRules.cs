namespace HpcWekaSlurm.Slurm.Versions;

/// <summary>
/// What changed between the Slurm releases admins run (22.05 to 24.11+). An unknown version gets
/// the rules of the oldest supported release: they ask for more restarts, never fewer.
/// </summary>
public sealed record VersionRules(SlurmVersion? Version)
{
    /// <summary>23.11 made cgroup.conf's CgroupAutomount defunct (slurmd logs an error for it).</summary>
    public bool CgroupAutomountDefunct => Version?.AtLeast(23, 11) ?? false;

    /// <summary>
    /// From 24.05 <c>scontrol reconfigure</c> restarts the daemons in place, so only TCP listening
    /// settings and AuthType still need a real restart (slurm.conf(5) of 24.05 dropped every other
    /// "a restart of slurmctld is required").
    /// </summary>
    public bool ReconfigureRestartsDaemons => Version?.AtLeast(24, 5) ?? false;

    /// <summary>
    /// From 24.11 adding, removing or re-specialising nodes is applied by <c>scontrol reconfigure</c>
    /// (slurm.conf(5): "require restarting or reconfiguring all slurmctld and slurmd daemons");
    /// before, slurmd must be stopped while slurmctld restarts, else nodes go INVALID ("CoreSpec differ").
    /// </summary>
    public bool ReconfigureAppliesNodeChanges => Version?.AtLeast(24, 11) ?? false;

    /// <summary>Says which rules apply when the version is unknown.</summary>
    public string Describe() => Version is null
        ? "Slurm version unknown (slurmd/slurmctld not found and slurm_version not given): assuming the rules of 22.05, which restart more"
        : $"Slurm {Version}";
}
