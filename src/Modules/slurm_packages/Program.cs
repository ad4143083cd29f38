using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Results;
using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.Modules.SlurmPackages;

/// <summary>
/// Installs the Slurm packages of a node's roles with the host's package manager, creating the
/// slurm and munge accounts with fixed ids first. Reads installed versions before anything else
/// and runs nothing that changes the host when all is in place, or in check mode.
/// </summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var host = PackageHost.Detect();
        var request = Request.From(p, host.Manager);
        var installed = host.Installed(request.Packages);

        var accounts = request.State == PackageState.Absent ? [] : PlanAccounts(Request.Accounts(p, host.Manager));
        if (!context.CheckMode)
        {
            foreach (var account in accounts)
            {
                PackageHost.CreateAccount(account);
            }
        }

        var cacheUpdated = false;
        if (p.Bool("update_cache") && !context.CheckMode && PackagePlan.MayChange(request, installed))
        {
            host.UpdateCache();
            cacheUpdated = true;
        }

        var plan = host.WithPinnedDependencies(request, Plan(host, request, installed));
        host.CheckRemoval(plan);
        var after = installed;
        if (!context.CheckMode && !plan.IsEmpty)
        {
            host.Apply(plan);
            after = host.Installed(request.Packages.Union(plan.Changes.Select(c => c.Package)));
            if (plan.Verify(request, after) is { Count: > 0 } problems)
            {
                throw new ModuleFailure($"{host.Manager.Name()} finished without error, yet {string.Join("; ", problems)}");
            }
        }

        Report(context, host.Manager, request, plan, accounts, installed, after, cacheUpdated);
    }

    private static IReadOnlyList<AccountChange> PlanAccounts(IReadOnlyList<AccountRequest> requests)
    {
        try
        {
            return AccountPlan.Build(requests, new HostAccounts());
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            throw new ModuleFailure(e.Message);
        }
    }

    private static PackagePlan Plan(PackageHost host, PackageRequest request, IReadOnlyDictionary<string, string> installed)
    {
        var available = host.Available(request, PackagePlan.NeedsAvailability(request, installed));
        try
        {
            return PackagePlan.Build(request, installed, available);
        }
        catch (InvalidOperationException e)
        {
            throw new ModuleFailure(e.Message);
        }
    }

    private static void Report(
        ModuleContext context,
        PackageManager manager,
        PackageRequest request,
        PackagePlan plan,
        IReadOnlyList<AccountChange> accounts,
        IReadOnlyDictionary<string, string> before,
        IReadOnlyDictionary<string, string> after,
        bool cacheUpdated)
    {
        var result = context.Result;
        result.Changed = accounts.Count > 0 || !plan.IsEmpty;
        var steps = accounts.Select(a => a.Describe()).Concat(plan.Changes.Select(c => c.Describe())).ToList();
        result.Msg = steps.Count == 0
            ? $"all {plan.Packages.Count} packages are in place"
            : (context.CheckMode ? "would " : string.Empty) + string.Join("; ", steps);

        if (context.DiffMode && result.Changed)
        {
            result.Diff.Add(new DiffEntry(Listing(plan.Packages, before), Listing(plan.Packages, Planned(plan, before, after, context.CheckMode)), "packages", "packages"));
        }

        var changed = plan.Changes.Where(c => c.Kind != ChangeKind.Remove).ToList();
        result
            .Set("package_manager", manager.Name())
            .Set("packages", Strings(plan.Packages))
            .Set("versions", new JsonObject(plan.Packages.Select(n => KeyValuePair.Create(n, (JsonNode?)after.GetValueOrDefault(n)))))
            .Set("slurm_version", SlurmVersion(manager, plan.Packages, after))
            .Set("installed", Strings(plan.Changes.Where(c => c.Kind == ChangeKind.Install).Select(c => c.Package)))
            .Set("upgraded", Strings(plan.Changes.Where(c => c.Kind is ChangeKind.Upgrade or ChangeKind.ChangeVersion).Select(c => c.Package)))
            .Set("removed", Strings(plan.Changes.Where(c => c.Kind == ChangeKind.Remove).Select(c => c.Package)))
            .Set("daemons_changed", Strings(changed.Select(c => PackageSets.Daemon(manager, c.Package)).OfType<string>().Distinct()))
            .Set("changes", new JsonArray([.. plan.Changes.Select(c => (JsonNode)new JsonObject
            {
                ["package"] = c.Package,
                ["action"] = c.Kind.ToString().ToLowerInvariant() switch { "changeversion" => "change_version", var k => k },
                ["from"] = c.From,
                ["to"] = c.Kind == ChangeKind.Remove ? null : (c.Target ?? (context.CheckMode ? null : after.GetValueOrDefault(c.Package))),
            })]))
            .Set("accounts_created", Strings(accounts.Where(a => a.Kind == AccountChangeKind.CreateUser).Select(a => a.Name)))
            .Set("cache_updated", cacheUpdated);
    }

    /// <summary>What the packages will be: known after a real run; in check mode the planned targets (or "(new)").</summary>
    private static Dictionary<string, string> Planned(PackagePlan plan, IReadOnlyDictionary<string, string> before, IReadOnlyDictionary<string, string> after, bool check)
    {
        if (!check)
        {
            return new Dictionary<string, string>(after);
        }

        var planned = new Dictionary<string, string>(before);
        foreach (var change in plan.Changes)
        {
            if (change.Kind == ChangeKind.Remove)
            {
                planned.Remove(change.Package);
            }
            else
            {
                planned[change.Package] = change.Target ?? (change.Argument != change.Package ? $"({change.Argument})" : "(newest available)");
            }
        }

        return planned;
    }

    private static string Listing(IEnumerable<string> packages, IReadOnlyDictionary<string, string> versions) =>
        string.Concat(packages.Select(n => $"{n} {versions.GetValueOrDefault(n) ?? "(absent)"}\n"));

    /// <summary>The one upstream version of the Slurm packages present, or null when none or several.</summary>
    private static string? SlurmVersion(PackageManager manager, IEnumerable<string> packages, IReadOnlyDictionary<string, string> versions) =>
        PackageSets.SlurmVersions(manager, packages.Where(versions.ContainsKey).ToDictionary(n => n, n => versions[n])) is [var one] ? one : null;

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)JsonValue.Create(v))]);
}
