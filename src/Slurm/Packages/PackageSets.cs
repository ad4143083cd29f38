namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>
/// The integration guide's package sets per role, in each family's names. Every role gets the
/// client commands (job scripts call srun on compute nodes) and munge (Slurm's authentication).
/// A configless login node also runs slurmd, which fetches the configuration from slurmctld.
/// </summary>
public static class PackageSets
{
    public const string Munge = "munge";

    private sealed record Names(string Client, string Slurmctld, string Slurmd, string Slurmdbd);

    private static readonly Names Debian = new("slurm-client", "slurmctld", "slurmd", "slurmdbd");
    private static readonly Names Rpm = new("slurm", "slurm-slurmctld", "slurm-slurmd", "slurm-slurmdbd");

    private static Names For(PackageManager manager) => manager.IsRpm() ? Rpm : Debian;

    /// <summary>The packages of <paramref name="roles"/>, Slurm's first, each once, munge last.</summary>
    public static IReadOnlyList<string> ForRoles(PackageManager manager, IEnumerable<SlurmRole> roles, bool configless)
    {
        var n = For(manager);
        var packages = new List<string>();
        foreach (var role in roles)
        {
            packages.Add(n.Client);
            packages.AddRange(role switch
            {
                SlurmRole.Controller => [n.Slurmctld],
                SlurmRole.Dbd => [n.Slurmdbd],
                SlurmRole.Login => configless ? [n.Slurmd] : [],
                SlurmRole.Compute => [n.Slurmd],
                _ => [],
            });
        }

        if (packages.Count > 0)
        {
            packages.Add(Munge);
        }

        return packages.Distinct().ToList();
    }

    /// <summary>True for Slurm's own packages, the ones a Slurm version pin applies to.</summary>
    public static bool IsSlurm(PackageManager manager, string package)
    {
        var n = For(manager);
        return package == n.Client || package == n.Slurmctld || package == n.Slurmd || package == n.Slurmdbd;
    }

    /// <summary>The distinct upstream versions (no epoch, no packaging revision) of the Slurm packages among <paramref name="installed"/>, ordered.</summary>
    public static IReadOnlyList<string> SlurmVersions(PackageManager manager, IReadOnlyDictionary<string, string> installed) =>
        [.. installed.Where(kv => IsSlurm(manager, kv.Key)).Select(kv => VersionPin.Upstream(kv.Value)).Distinct().Order(StringComparer.Ordinal)];

    /// <summary>The daemon a package provides (the unit a handler restarts), or null.</summary>
    public static string? Daemon(PackageManager manager, string package)
    {
        var n = For(manager);
        return package == n.Slurmctld ? "slurmctld"
            : package == n.Slurmd ? "slurmd"
            : package == n.Slurmdbd ? "slurmdbd"
            : package == Munge ? "munge"
            : null;
    }

    /// <summary>The home the distribution's own packages give a service account (never created: it needs none).</summary>
    public static string AccountHome(PackageManager manager, string account) => manager.IsRpm() ? $"/var/lib/{account}" : "/nonexistent";
}
