using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using HpcWekaSlurm.Slurm.Host;
using HpcWekaSlurm.Slurm.Packages;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>
/// The installed Slurm and munge versions, read the way slurm_packages reads them (dpkg's database,
/// else dpkg-query or rpm), plus the daemons' own release: their package's version when a package
/// installed them, else what they say of themselves (Slurm built from source has no package).
/// </summary>
public static class PackageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static PackagesFact Read()
    {
        var daemon = SlurmProbe.Version(HostCommands.Run, HostCommands.Which, HostCommands.PackagedVersion)?.ToString();
        if (PackageManagers.Detect(p => CommandRunner.Which(p) is not null) is not { } manager)
        {
            return new PackagesFact(null, new Dictionary<string, string>(), [], daemon, null, null);
        }

        var packages = PackageSets.ForRoles(manager, Enum.GetValues<SlurmRole>(), configless: true);
        if (!manager.IsRpm() && HostCommands.Dpkg?.Installed(packages) is { } fromDatabase)
        {
            return Fact(manager, fromDatabase, daemon, null);
        }

        var query = PackageCommands.Query(manager, packages);
        CommandResult result;
        try
        {
            result = CommandRunner.Run(query.Program, query.Arguments, Timeout, environment: PackageCommands.Environment(manager));
        }
        catch (ModuleFailure e)
        {
            return new PackagesFact(manager.Name(), new Dictionary<string, string>(), [], daemon, null, e.Message);
        }

        // dpkg-query exits 1 when a package is unknown; rpm -q exits with the number not installed and says so on stdout.
        var installed = manager.IsRpm() ? PackageQueries.ParseRpmQuery(result.StdOut) : PackageQueries.ParseDpkgQuery(result.StdOut);
        var failed = manager.IsRpm() ? result.ExitCode != 0 && result.StdOut.Trim().Length == 0 : result.ExitCode > 1;
        var error = failed ? $"'{query}' failed (rc {result.ExitCode}): {PackageQueries.Reason(result.StdOut, result.StdErr)}" : null;

        return Fact(manager, installed, daemon, error);
    }

    private static PackagesFact Fact(PackageManager manager, Dictionary<string, string> installed, string? daemon, string? error) => new(
        manager.Name(),
        installed,
        PackageSets.SlurmVersions(manager, installed),
        daemon,
        installed.TryGetValue(PackageSets.Munge, out var munge) ? VersionPin.Upstream(munge) : null,
        error);
}
