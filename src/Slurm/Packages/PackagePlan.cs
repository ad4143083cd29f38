namespace HpcWekaSlurm.Slurm.Packages;

public enum PackageState
{
    Present,
    Absent,
    Latest,
}

/// <summary>The packages a node must have (or lose), and the Slurm version pin (null: any version).</summary>
public sealed record PackageRequest(
    PackageManager Manager,
    IReadOnlyList<SlurmRole> Roles,
    bool Configless,
    IReadOnlyList<string> ExtraPackages,
    PackageState State,
    string? Pin)
{
    public IReadOnlyList<string> Packages => [.. PackageSets.ForRoles(Manager, Roles, Configless).Concat(ExtraPackages).Distinct()];

    /// <summary>The pin, for the packages it applies to (Slurm's own, not munge or extra packages).</summary>
    public string? PinFor(string package) => Pin is not null && PackageSets.IsSlurm(Manager, package) ? Pin : null;
}

public enum ChangeKind
{
    Install,
    Upgrade,
    ChangeVersion,
    Remove,
}

/// <summary>
/// One package change. <see cref="Target"/>: the exact version to install when known (apt pins,
/// upgrades), else null. <see cref="Argument"/>: what the package manager gets ("name=version",
/// "name-22.05.9", "name").
/// </summary>
public sealed record PackageChange(string Package, ChangeKind Kind, string? From, string? Target, string Argument)
{
    public string Describe() => Kind switch
    {
        ChangeKind.Install => $"install {Argument}",
        ChangeKind.Upgrade => $"upgrade {Package} {From} -> {Target ?? "newest"}",
        ChangeKind.ChangeVersion => $"change {Package} {From} -> {Target ?? Argument}",
        _ => $"remove {Package} {From}",
    };
}

/// <summary>
/// What the repositories offer, read only when something is pending. <see cref="Versions"/>: every
/// available version, newest first (apt, for pins). <see cref="Candidates"/>: the version the package
/// manager would install (apt-cache policy; null: not available) or, from dnf/yum check-update, the
/// newer version of an installed package.
/// </summary>
public sealed record Availability(
    IReadOnlyDictionary<string, List<string>> Versions,
    IReadOnlyDictionary<string, string?> Candidates)
{
    public static readonly Availability None = new(new Dictionary<string, List<string>>(), new Dictionary<string, string?>());
}

/// <summary>
/// Desired packages + installed versions (+ available versions) -> the changes, pure. Nothing is
/// planned for a package that is in place: a second run is a no-op without asking any repository.
/// </summary>
public sealed record PackagePlan(IReadOnlyList<string> Packages, IReadOnlyList<PackageChange> Changes)
{
    public bool IsEmpty => Changes.Count == 0;

    /// <summary>
    /// The packages to ask the repositories about: apt, every package not in place (its candidate
    /// version, or the versions a pin picks from); dnf/yum resolve "name-version" themselves.
    /// State latest: every package. Empty means everything is in place and nothing needs asking.
    /// </summary>
    public static IReadOnlyList<string> NeedsAvailability(PackageRequest request, IReadOnlyDictionary<string, string> installed) =>
        request.State switch
        {
            PackageState.Latest => request.Packages,
            PackageState.Present when !request.Manager.IsRpm() => request.Packages.Where(p => !InPlace(request, p, installed)).ToList(),
            _ => [],
        };

    private static bool InPlace(PackageRequest request, string package, IReadOnlyDictionary<string, string> installed) =>
        installed.TryGetValue(package, out var version) && (request.PinFor(package) is not { } pin || VersionPin.Matches(pin, version));

    /// <summary>True when something must be installed, changed or (maybe) upgraded: worth refreshing the cache first.</summary>
    public static bool MayChange(PackageRequest request, IReadOnlyDictionary<string, string> installed) =>
        request.State == PackageState.Latest || Build(request, installed, Availability.None, resolve: false).Changes.Count > 0;

    public static PackagePlan Build(PackageRequest request, IReadOnlyDictionary<string, string> installed, Availability available) =>
        Build(request, installed, available, resolve: true);

    private static PackagePlan Build(PackageRequest request, IReadOnlyDictionary<string, string> installed, Availability available, bool resolve)
    {
        var changes = new List<PackageChange>();
        foreach (var package in request.Packages)
        {
            var current = installed.GetValueOrDefault(package);
            if (request.State == PackageState.Absent)
            {
                if (current is not null)
                {
                    changes.Add(new PackageChange(package, ChangeKind.Remove, current, null, package));
                }

                continue;
            }

            var pin = request.PinFor(package);
            if (pin is not null && !(current is not null && VersionPin.Matches(pin, current)))
            {
                var target = resolve ? Pinned(request.Manager, package, pin, available) : null;
                var argument = request.Manager.IsRpm() ? VersionPin.RpmSpec(package, pin) : target is null ? package : $"{package}={target}";
                changes.Add(new PackageChange(package, current is null ? ChangeKind.Install : ChangeKind.ChangeVersion, current, target, argument));
            }
            else if (current is null)
            {
                var target = resolve ? Candidate(request.Manager, package, available) : null;
                changes.Add(new PackageChange(package, ChangeKind.Install, null, target, target is null ? package : $"{package}={target}"));
            }
            else if (request.State == PackageState.Latest && available.Candidates.GetValueOrDefault(package) is { } newer && newer != current)
            {
                changes.Add(new PackageChange(package, ChangeKind.Upgrade, current, newer, request.Manager.IsRpm() ? package : $"{package}={newer}"));
            }
        }

        return new PackagePlan(request.Packages, changes);
    }

    /// <summary>apt: the newest available version the pin matches; a clear error listing what there is when none does.</summary>
    private static string? Pinned(PackageManager manager, string package, string pin, Availability available)
    {
        if (manager.IsRpm())
        {
            return null;
        }

        var versions = available.Versions.GetValueOrDefault(package) ?? [];
        return VersionPin.PickFrom(pin, versions) ?? throw new InvalidOperationException(versions.Count == 0
            ? NotAvailable(package)
            : $"no version of '{package}' matching {pin} is available; available: {string.Join(", ", versions)}");
    }

    /// <summary>apt: the version apt would install; dnf/yum report a missing package themselves.</summary>
    private static string? Candidate(PackageManager manager, string package, Availability available) =>
        manager.IsRpm() ? null : available.Candidates.GetValueOrDefault(package) ?? throw new InvalidOperationException(NotAvailable(package));

    private static string NotAvailable(string package) =>
        $"package '{package}' is not available from the configured apt sources (set update_cache: true, or add the repository that has it)";

    /// <summary>
    /// The exact-version dependencies of pinned apt packages (see <see cref="PackageQueries.ParseExactDepends"/>)
    /// that are not at that version yet, added as changes of their own: apt would pick their candidate
    /// version and refuse the pinned one. <paramref name="installed"/> holds their current versions.
    /// </summary>
    public PackagePlan WithDependencies(IEnumerable<(string Dependency, string Version)> exact, IReadOnlyDictionary<string, string> installed)
    {
        var added = exact
            .Where(d => Changes.All(c => c.Package != d.Dependency) && installed.GetValueOrDefault(d.Dependency) != d.Version)
            .DistinctBy(d => d.Dependency)
            .Select(d => installed.GetValueOrDefault(d.Dependency) is { } current
                ? new PackageChange(d.Dependency, ChangeKind.ChangeVersion, current, d.Version, $"{d.Dependency}={d.Version}")
                : new PackageChange(d.Dependency, ChangeKind.Install, null, d.Version, $"{d.Dependency}={d.Version}"));
        return this with { Changes = [.. Changes, .. added] };
    }

    /// <summary>
    /// After the package manager ran: what is still not as planned (it may report success and
    /// still leave another version, e.g. yum does not downgrade). Empty means the plan holds.
    /// </summary>
    public IReadOnlyList<string> Verify(PackageRequest request, IReadOnlyDictionary<string, string> installed)
    {
        var problems = new List<string>();
        foreach (var package in Packages)
        {
            var now = installed.GetValueOrDefault(package);
            if (request.State == PackageState.Absent)
            {
                if (now is not null)
                {
                    problems.Add($"{package} is still installed ({now})");
                }

                continue;
            }

            var change = Changes.FirstOrDefault(c => c.Package == package);
            if (now is null)
            {
                problems.Add($"{package} is not installed");
            }
            else if (request.PinFor(package) is { } pin && !VersionPin.Matches(pin, now))
            {
                problems.Add($"{package} is at {now}, not {pin}");
            }
            else if (change?.Target is { } target && now != target)
            {
                problems.Add($"{package} is at {now}, not {target}");
            }
        }

        foreach (var change in Changes.Where(c => !Packages.Contains(c.Package) && c.Target is not null))
        {
            if (installed.GetValueOrDefault(change.Package) != change.Target)
            {
                problems.Add($"{change.Package} is at {installed.GetValueOrDefault(change.Package) ?? "(absent)"}, not {change.Target}");
            }
        }

        return problems;
    }
}
