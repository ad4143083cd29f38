using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Packages;
using HpcWekaSlurm.Slurm.SlurmConf;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.Host;

/// <summary>What the installed Slurm says about itself and about this host.</summary>
public static class SlurmProbe
{
    /// <summary>
    /// The release from <c>slurmd -V</c>, else <c>slurmctld -V</c>, else <c>slurmdbd -V</c>; null when none
    /// is installed or answers. <paramref name="packaged"/> (daemon, path) gives the version of the package
    /// that installed that daemon file, or null: when it knows, the daemon is not run (a process costs
    /// milliseconds on every module run; Slurm built from source has no package and is asked).
    /// </summary>
    public static SlurmVersion? Version(CommandRun run, Func<string, string?> which, Func<string, string, string?>? packaged = null)
    {
        foreach (var daemon in new[] { "slurmd", "slurmctld", "slurmdbd" })
        {
            if (which(daemon) is not { } path)
            {
                continue;
            }

            if (packaged?.Invoke(daemon, path) is { } package && SlurmVersion.TryParse(VersionPin.Upstream(package)) is { } installed)
            {
                return installed;
            }

            if (run(path, ["-V"]) is { ExitCode: 0 } outcome && SlurmVersion.TryParse(outcome.StdOut + outcome.StdErr) is { } version)
            {
                return version;
            }
        }

        return null;
    }

    /// <summary>This host's CPUs and memory as slurmd sees them (<c>slurmd -C</c>), or null.</summary>
    public static NodeHardware? Hardware(CommandRun run, string slurmd)
    {
        var outcome = run(slurmd, ["-C"]);
        return outcome.ExitCode == 0 ? ParseHardware(outcome.StdOut) : null;
    }

    /// <summary>Reads the first line of <c>slurmd -C</c>: <c>NodeName=h CPUs=2 ... RealMemory=23995</c>.</summary>
    public static NodeHardware? ParseHardware(string output)
    {
        var line = output.Split('\n').FirstOrDefault(l => l.StartsWith("NodeName=", StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        var record = ConfRecord.Parse(line, ConfDialect.SlurmConf);
        return new NodeHardware(Number(record.ValueOf("CPUs")), Number(record.ValueOf("RealMemory")));
    }

    private static long? Number(string? value) => long.TryParse(value, out var n) ? n : null;
}
