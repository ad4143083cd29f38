namespace HpcWekaSlurm.Topology.Tests.Oracle;

/// <summary>Whether real Slurm is here to be the oracle; tests against it skip, saying why, only when slurmd is missing.</summary>
internal static class SlurmInstall
{
    public const string Slurmd = "/usr/sbin/slurmd";

    public static string? SkipReason => File.Exists(Slurmd)
        ? null
        : $"{Slurmd} is not installed: the oracle tests need real slurmd, slurmctld, scontrol, munged and lstopo (apt-get install slurmd slurmctld slurm-client munge hwloc)";
}

/// <summary>A fact that runs real slurmd.</summary>
public sealed class SlurmFactAttribute : FactAttribute
{
    public SlurmFactAttribute() => Skip = SlurmInstall.SkipReason;
}

/// <summary>A theory that runs real slurmd.</summary>
public sealed class SlurmTheoryAttribute : TheoryAttribute
{
    public SlurmTheoryAttribute() => Skip = SlurmInstall.SkipReason;
}
