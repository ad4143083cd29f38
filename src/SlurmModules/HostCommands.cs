using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.Slurm.Host;
using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>The Slurm library's command hook, run through the runtime's CommandRunner (timeout, clean failures).</summary>
public static class HostCommands
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Lazy<DpkgDatabase?> DpkgOnce = new(DpkgDatabase.ForHost);

    public static CommandOutcome Run(string program, IReadOnlyList<string> arguments)
    {
        var result = CommandRunner.Run(program, arguments, Timeout);
        return new CommandOutcome(result.ExitCode, result.StdOut, result.StdErr);
    }

    public static string? Which(string program) => CommandRunner.Which(program);

    /// <summary>
    /// The version of the Debian package named after <paramref name="daemon"/> (slurmd, slurmctld,
    /// slurmdbd) when it installed the file at <paramref name="path"/>, from dpkg's database; else null.
    /// </summary>
    public static string? PackagedVersion(string daemon, string path) => Dpkg?.VersionOwning(daemon, path);

    /// <summary>This host's dpkg database (<see cref="DpkgDatabase.ForHost"/>), read once per run: for modules that install nothing.</summary>
    public static DpkgDatabase? Dpkg => DpkgOnce.Value;

    /// <summary>The short host name (as Slurm's NodeName usually is).</summary>
    public static string ShortHostName() => Environment.MachineName.Split('.')[0];
}
