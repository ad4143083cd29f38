using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.SlurmConf;

namespace HpcWekaSlurm.Slurm.Host;

/// <summary>
/// Lets the real slurmd judge a candidate file before it replaces the live one: slurmd -G parses
/// slurm.conf (and gres.conf), loads the plugins, and exits. It logs semantic mistakes as
/// <c>error:</c> lines with rc 0, so its stderr counts too. Only problems the candidate adds are
/// reported: errors the current files already cause are not this task's doing. The verdict is
/// <see cref="SlurmdCheckDecision.Decide"/>'s.
/// </summary>
public static class SlurmdConfigCheck
{
    /// <param name="configDirectory">Directory of the live files (Include lines and gres.conf/cgroup.conf resolve there).</param>
    /// <param name="slurmConfName">File name of slurm.conf in that directory.</param>
    /// <param name="replacedName">The file the candidate replaces (slurm.conf itself or gres.conf).</param>
    /// <param name="nodeName">Preferred node to check as (e.g. this host), when the file defines it.</param>
    public static SlurmdCheckResult Check(CommandRun run, string slurmd, string configDirectory, string slurmConfName,
        string replacedName, byte[] candidate, string? nodeName)
    {
        if (!Directory.Exists(configDirectory))
        {
            return SlurmdCheckResult.Skip($"{configDirectory} does not exist");
        }

        var slurmConfPath = Path.Combine(configDirectory, slurmConfName);
        var slurmConf = replacedName == slurmConfName ? candidate : File.Exists(slurmConfPath) ? File.ReadAllBytes(slurmConfPath) : null;
        if (slurmConf is null)
        {
            return SlurmdCheckResult.Skip($"no {slurmConfPath} to check {replacedName} with");
        }

        var node = PickNode(ConfDocument.Parse(slurmConf, ConfDialect.SlurmConf), nodeName);
        if (node is null)
        {
            return SlurmdCheckResult.Skip("the file defines no node to check it as (slurmd -G needs -N NODE)");
        }

        var scratch = Directory.CreateTempSubdirectory("hpc-weka-slurm-check-");
        try
        {
            // The candidate sits among links to the live files, so relative Includes and gres.conf/cgroup.conf resolve as they will.
            foreach (var entry in Directory.EnumerateFileSystemEntries(configDirectory))
            {
                var name = Path.GetFileName(entry);
                if (name != replacedName)
                {
                    File.CreateSymbolicLink(Path.Combine(scratch.FullName, name), entry);
                }
            }

            File.WriteAllBytes(Path.Combine(scratch.FullName, replacedName), candidate);
            var proposed = Run(run, slurmd, Path.Combine(scratch.FullName, slurmConfName), node, scratch.FullName, configDirectory);
            var live = File.Exists(Path.Combine(configDirectory, replacedName)) && File.Exists(slurmConfPath)
                ? Run(run, slurmd, slurmConfPath, node, configDirectory, configDirectory)
                : null;
            return SlurmdCheckDecision.Decide(proposed, live);
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    /// <summary>The first host of <paramref name="preferred"/> (a host list) that the file defines, else the first defined host.</summary>
    public static string? PickNode(ConfDocument slurmConf, string? preferred)
    {
        var hosts = NodeDefinition.All(slurmConf).SelectMany(n => n.Hosts).ToList();
        IReadOnlyList<string> wanted;
        try
        {
            wanted = preferred is null ? [] : Hostlist.Expand(preferred);
        }
        catch (FormatException)
        {
            wanted = [];
        }

        return wanted.FirstOrDefault(hosts.Contains) ?? hosts.FirstOrDefault();
    }

    private static SlurmdRun Run(CommandRun run, string slurmd, string file, string node, string shownAs, string realDirectory)
    {
        var outcome = run(slurmd, ["-G", "-f", file, "-N", node]);
        string Shown(string text) => text.Replace(shownAs, realDirectory, StringComparison.Ordinal);
        var problems = (outcome.StdErr + "\n" + outcome.StdOut).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Contains("error:", StringComparison.Ordinal) || l.Contains("fatal:", StringComparison.Ordinal))
            .Select(Shown)
            .Distinct()
            .ToList();
        return new SlurmdRun(outcome.ExitCode, problems, Shown(SlurmdCheckDecision.Tail(outcome.StdErr, outcome.StdOut)));
    }
}
