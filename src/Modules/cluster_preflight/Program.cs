using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Modules.ClusterPreflight.Compare;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using HpcWekaSlurm.Modules.ClusterPreflight.Gather;

namespace HpcWekaSlurm.Modules.ClusterPreflight;

/// <summary>
/// Cluster-wide preflight in two read-only modes: gathering reads this node's facts (clock, accounts,
/// name resolution, memory, cgroups, NICs, WEKA client, packages, munge key fingerprint); comparing
/// (<c>hosts</c> given, run once) checks every node's facts against the others' and the inventory's
/// and returns one report. Never changed; check mode runs the same.
/// </summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    public static void Execute(ModuleContext context)
    {
        // First thing: the closer to when the controller sent the task, the truer the offset.
        var clock = DateTime.UtcNow;
        var p = context.Params;
        var comparing = p.IsGiven("hosts");
        var misplaced = (comparing ? Options.Gathering : Options.Comparing.Where(o => o != "hosts")).Where(p.IsGiven).ToList();
        if (misplaced.Count > 0)
        {
            throw new ModuleFailure(comparing
                ? $"option(s) {string.Join(", ", misplaced)} read this node; with 'hosts' the module compares facts already gathered: leave them out"
                : $"option(s) {string.Join(", ", misplaced)} apply when comparing: give 'hosts' (every node's facts) too");
        }

        if (comparing)
        {
            Compare(context);
        }
        else
        {
            Gather(context, clock);
        }
    }

    private static void Gather(ModuleContext context, DateTime clock)
    {
        var facts = Gatherer.Gather(GatherRequest.From(context.Params), clock, context.Result.Secrets);
        context.Result.Msg = Describe(facts);
        context.Result.Set("ansible_facts", new System.Text.Json.Nodes.JsonObject { ["cluster_preflight"] = FactsJson.Write(facts) });
    }

    private static void Compare(ModuleContext context)
    {
        var (input, ignore) = CompareRequest.From(context.Params);
        var report = PreflightReport.From(PreflightRules.Evaluate(input), [.. ignore], input.Hosts.Count);
        context.Result.Msg = report.Summary();
        context.Result
            .Set("passed", report.Passed)
            .Set("problems", ResultJson.Problems(report))
            .Set("report", ResultJson.Strings(report.Lines()));
    }

    private static string Describe(HostFacts f)
    {
        var slurm = f.Packages.SlurmVersions.Count > 0 ? string.Join(",", f.Packages.SlurmVersions) : f.Packages.SlurmDaemonVersion ?? "not installed";
        var key = f.MungeKey.Fingerprint is { } fp ? $"sha256 {fp[..16]}…" : "none";
        return $"{f.Hostname}: RealMemory {f.Memory.RealMemory} MiB, cgroup {f.Cgroup.Hierarchy}, Slurm {slurm}, munge key {key}";
    }
}
