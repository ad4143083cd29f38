namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// One Slurm version everywhere: slurmctld must be at least as new as every slurmd, and mixed
/// versions on one node (a half-finished upgrade) load mismatched plugins. Nodes without Slurm are
/// left out (the rollout installs it).
/// </summary>
public static class SlurmVersionRule
{
    private const string Fix = "install one Slurm version everywhere: set slurm_version (e.g. 22.05.8) so slurm_packages installs that version on every node";

    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var mixed = input.Hosts
            .Where(h => h.Facts.Packages.SlurmVersions.Count > 1)
            .Select(h => new HostIssue(h.Name, $"Slurm packages of several versions installed: {string.Join(", ", h.Facts.Packages.SlurmVersions)}"))
            .ToList();
        if (mixed.Count > 0)
        {
            yield return new Problem(Checks.SlurmVersion, "Slurm packages of different versions are installed on one node (a half-finished upgrade)", mixed, Fix);
        }

        var values = input.Hosts
            .Where(h => h.Facts.Packages.SlurmVersions.Count == 1 || (h.Facts.Packages.SlurmVersions.Count == 0 && h.Facts.Packages.SlurmDaemonVersion is not null))
            .Select(h => (h.Name, Value: h.Facts.Packages.SlurmVersions.Count == 1 ? h.Facts.Packages.SlurmVersions[0] : h.Facts.Packages.SlurmDaemonVersion!))
            .ToList();
        if (Consensus.Judge(values, null, input.ReferenceHost) is { } verdict)
        {
            var byHost = values.ToDictionary(v => v.Name, v => v.Value);
            yield return new Problem(
                Checks.SlurmVersion,
                $"Slurm versions differ between nodes ({verdict.Listing()}): slurmctld must be at least as new as every slurmd",
                [.. verdict.Odd.Select(h => new HostIssue(h, verdict.Against($"Slurm {byHost[h]}")))],
                Fix);
        }
    }
}
