namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>A program and its arguments (no shell involved).</summary>
public sealed record CommandLine(string Program, IReadOnlyList<string> Arguments)
{
    public override string ToString() => string.Join(' ', Arguments.Prepend(Program));
}

/// <summary>
/// The command lines for each package manager. Every one runs non-interactively in the C locale
/// (the parsers read English output); apt keeps changed configuration files (confdef/confold).
/// </summary>
public static class PackageCommands
{
    public static IReadOnlyDictionary<string, string?> Environment(PackageManager manager) => manager.IsRpm()
        ? new Dictionary<string, string?> { ["LC_ALL"] = "C", ["LANG"] = "C" }
        : new Dictionary<string, string?>
        {
            ["LC_ALL"] = "C",
            ["LANG"] = "C",
            ["DEBIAN_FRONTEND"] = "noninteractive",
            ["APT_LISTCHANGES_FRONTEND"] = "none",
            // Ubuntu's needrestart would otherwise ask which services to restart.
            ["NEEDRESTART_MODE"] = "l",
        };

    public static CommandLine Query(PackageManager manager, IEnumerable<string> packages) => manager.IsRpm()
        ? new CommandLine("rpm", ["-q", "--qf", PackageQueries.RpmFormat, .. packages])
        : new CommandLine("dpkg-query", ["-W", "-f", PackageQueries.DpkgFormat, "--", .. packages]);

    public static CommandLine UpdateCache(PackageManager manager) => manager.IsRpm()
        ? new CommandLine(manager.Name(), ["-y", "makecache"])
        : new CommandLine("apt-get", ["-q", "update"]);

    public static CommandLine AptVersions(IEnumerable<string> packages) => new("apt-cache", ["madison", .. packages]);

    public static CommandLine AptCandidates(IEnumerable<string> packages) => new("apt-cache", ["policy", .. packages]);

    /// <summary>The control stanzas of exact package versions ("name=version"), for their dependencies.</summary>
    public static CommandLine AptShow(IEnumerable<string> versions) => new("apt-cache", ["show", .. versions]);

    /// <summary>Exit 100 with the list when updates exist, 0 when none.</summary>
    public static CommandLine CheckUpdate(PackageManager manager, IEnumerable<string> packages) =>
        new(manager.Name(), ["-q", "check-update", .. packages]);

    /// <summary>A dry run of the removal, to refuse one that would take other packages along.</summary>
    public static CommandLine SimulateRemove(PackageManager manager, IEnumerable<string> packages) => manager.IsRpm()
        ? new CommandLine("rpm", ["-e", "--test", .. packages])
        : new CommandLine("apt-get", ["-s", "-q", "remove", .. packages]);

    /// <summary>The commands carrying out <paramref name="plan"/>, in order.</summary>
    public static IReadOnlyList<CommandLine> Apply(PackageManager manager, PackagePlan plan)
    {
        var commands = new List<CommandLine>();
        var removals = plan.Changes.Where(c => c.Kind == ChangeKind.Remove).Select(c => c.Argument).ToList();
        var installs = plan.Changes.Where(c => c.Kind is ChangeKind.Install or ChangeKind.ChangeVersion || (c.Kind == ChangeKind.Upgrade && !manager.IsRpm()))
            .Select(c => c.Argument).ToList();
        var upgrades = plan.Changes.Where(c => c.Kind == ChangeKind.Upgrade && manager.IsRpm()).Select(c => c.Argument).ToList();

        if (manager.IsRpm())
        {
            // dnf/yum "install name-version" moves an installed package to that version (dnf: either way).
            Add(commands, manager.Name(), ["-y", "install"], installs);
            Add(commands, manager.Name(), ["-y", "upgrade"], upgrades);
            Add(commands, manager.Name(), ["-y", "remove"], removals);
        }
        else
        {
            Add(commands, "apt-get", ["-y", "-q", "--allow-downgrades", "-o", "Dpkg::Options::=--force-confdef", "-o", "Dpkg::Options::=--force-confold", "install"], installs);
            Add(commands, "apt-get", ["-y", "-q", "remove"], removals);
        }

        return commands;
    }

    private static void Add(List<CommandLine> commands, string program, string[] options, List<string> packages)
    {
        if (packages.Count > 0)
        {
            commands.Add(new CommandLine(program, [.. options, .. packages]));
        }
    }
}
