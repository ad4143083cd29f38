using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.Modules.SlurmPackages;

/// <summary>
/// Runs the package manager's commands for the plan. Queries are read-only; a command that fails
/// becomes a failed result carrying the package manager's own message, rc, stdout and stderr.
/// </summary>
public sealed class PackageHost(PackageManager manager)
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromMinutes(2);

    // Downloads and maintainer scripts of a whole Slurm stack can take long on a slow mirror.
    private static readonly TimeSpan ChangeTimeout = TimeSpan.FromMinutes(30);

    public PackageManager Manager => manager;

    /// <summary>The host's package manager, from the programs it has.</summary>
    public static PackageHost Detect() =>
        new(PackageManagers.Detect(p => CommandRunner.Which(p) is not null)
            ?? throw new ModuleFailure("no supported package manager found on this host (looked for apt-get + dpkg-query, dnf + rpm, yum + rpm)"));

    /// <summary>
    /// Installed versions (dpkg's database read in place, else dpkg-query; rpm -q): "not installed" is
    /// an answer here, not an error. The database is read afresh each time (it changes when apt runs).
    /// </summary>
    public IReadOnlyDictionary<string, string> Installed(IEnumerable<string> packages)
    {
        if (!manager.IsRpm() && DpkgDatabase.ForHost()?.Installed(packages) is { } fromDatabase)
        {
            return fromDatabase;
        }

        // dpkg-query exits 1 when some package is unknown; rpm -q exits with the number not installed.
        var result = Run(PackageCommands.Query(manager, packages), QueryTimeout, okCodes: manager.IsRpm() ? null : [0, 1]);
        return manager.IsRpm() ? PackageQueries.ParseRpmQuery(result.StdOut) : PackageQueries.ParseDpkgQuery(result.StdOut);
    }

    public void UpdateCache() => Run(PackageCommands.UpdateCache(manager), ChangeTimeout, okCodes: [0]);

    /// <summary>What the plan needs to know from the repositories about <paramref name="packages"/>.</summary>
    public Availability Available(PackageRequest request, IReadOnlyList<string> packages)
    {
        if (packages.Count == 0)
        {
            return Availability.None;
        }

        if (manager.IsRpm())
        {
            // check-update exits 100 when it lists updates, 0 when there are none.
            var updates = Run(PackageCommands.CheckUpdate(manager, packages), QueryTimeout, okCodes: [0, 100]);
            return new Availability(new Dictionary<string, List<string>>(), Nullable(PackageQueries.ParseCheckUpdate(updates.StdOut)));
        }

        var candidates = PackageQueries.ParseAptPolicy(Run(PackageCommands.AptCandidates(packages), QueryTimeout, okCodes: [0]).StdOut);
        var pinned = packages.Where(n => request.PinFor(n) is not null).ToList();
        var versions = pinned.Count == 0
            ? []
            : PackageQueries.ParseAptMadison(Run(PackageCommands.AptVersions(pinned), QueryTimeout, okCodes: [0]).StdOut);
        return new Availability(versions, candidates);
    }

    private static Dictionary<string, string?> Nullable(Dictionary<string, string> values) =>
        values.ToDictionary(kv => kv.Key, kv => (string?)kv.Value);

    /// <summary>
    /// apt: adds the exact-version dependencies of the pinned packages (e.g. slurm-wlm-basic-plugins
    /// of slurmd), following them until no new one appears; dnf and yum resolve those themselves.
    /// </summary>
    public PackagePlan WithPinnedDependencies(PackageRequest request, PackagePlan plan)
    {
        var frontier = plan.Changes.Where(c => c.Target is not null && request.PinFor(c.Package) is not null).ToList();
        while (!manager.IsRpm() && frontier.Count > 0)
        {
            var shown = Run(PackageCommands.AptShow(frontier.Select(c => $"{c.Package}={c.Target}")), QueryTimeout, okCodes: [0]);
            var wanted = frontier.Select(c => (c.Package, c.Target!)).ToHashSet();
            var exact = PackageQueries.ParseExactDepends(shown.StdOut)
                .Where(d => wanted.Contains((d.Package, d.Version)))
                .Select(d => (d.Dependency, d.DependencyVersion))
                .ToList();
            var before = plan.Changes.Count;
            plan = plan.WithDependencies(exact, exact.Count == 0 ? new Dictionary<string, string>() : Installed(exact.Select(d => d.Dependency).Distinct()));
            frontier = plan.Changes.Skip(before).ToList();
        }

        return plan;
    }

    /// <summary>Refuses a removal that would take other installed packages along (apt removes dependents silently).</summary>
    public void CheckRemoval(PackagePlan plan)
    {
        var removals = plan.Changes.Where(c => c.Kind == ChangeKind.Remove).Select(c => c.Package).ToList();
        if (removals.Count == 0)
        {
            return;
        }

        var simulated = Run(PackageCommands.SimulateRemove(manager, removals), QueryTimeout, okCodes: [0]);
        if (!manager.IsRpm())
        {
            var extra = PackageQueries.ParseAptSimulatedRemovals(simulated.StdOut).Except(removals).ToList();
            if (extra.Count > 0)
            {
                throw new ModuleFailure($"removing {string.Join(", ", removals)} would also remove {string.Join(", ", extra)} " +
                                        "(they depend on it); list their roles too, or remove them first");
            }
        }
    }

    public void Apply(PackagePlan plan)
    {
        // apt would start each daemon it installs, unconfigured (see DaemonStartGuard).
        using var guard = manager.IsRpm() ? null : DaemonStartGuard.Hold();
        foreach (var command in PackageCommands.Apply(manager, plan))
        {
            Run(command, ChangeTimeout, okCodes: [0]);
        }
    }

    /// <summary>Creates a group or user (groupadd/useradd).</summary>
    public static void CreateAccount(AccountChange change) =>
        Run(new CommandLine(change.Program, change.Arguments), QueryTimeout, okCodes: [0], environment: null);

    private CommandResult Run(CommandLine command, TimeSpan timeout, int[]? okCodes) =>
        Run(command, timeout, okCodes, PackageCommands.Environment(manager));

    private static CommandResult Run(CommandLine command, TimeSpan timeout, int[]? okCodes, IReadOnlyDictionary<string, string?>? environment)
    {
        var result = CommandRunner.Run(command.Program, command.Arguments, timeout, environment: environment);
        if (okCodes is not null && !okCodes.Contains(result.ExitCode))
        {
            throw new ModuleFailure($"'{command}' failed (rc {result.ExitCode}): {PackageQueries.Reason(result.StdOut, result.StdErr)}")
            {
                Extra = new JsonObject
                {
                    ["cmd"] = command.ToString(),
                    ["rc"] = result.ExitCode,
                    ["stdout"] = result.StdOut,
                    ["stderr"] = result.StdErr,
                },
            };
        }

        return result;
    }
}
