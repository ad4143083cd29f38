using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using HpcWekaSlurm.Slurm.Host;
using HpcWekaSlurm.Slurm.Packages;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>
/// The installed Slurm and munge versions, queried the way slurm_packages queries them (dpkg-query or
/// rpm), plus what the Slurm daemons say of themselves (Slurm built from source has no package).
/// </summary>
public static class PackageProbe
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static PackagesFact Read()
    {
        var daemon = SlurmProbe.Version(HostCommands.Run, HostCommands.Which)?.ToString();
        if (PackageManagers.Detect(p => CommandRunner.Which(p) is not null) is not { } manager)
        {
            return new PackagesFact(null, new Dictionary<string, string>(), [], daemon, null, null);
        }

        var query = PackageCommands.Query(manager, PackageSets.ForRoles(manager, Enum.GetValues<SlurmRole>(), configless: true));
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

        return new PackagesFact(
            manager.Name(),
            installed,
            PackageSets.SlurmVersions(manager, installed),
            daemon,
            installed.TryGetValue(PackageSets.Munge, out var munge) ? VersionPin.Upstream(munge) : null,
            error);
    }
}
