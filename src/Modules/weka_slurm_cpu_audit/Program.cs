using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.CpuAudit;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.Modules.WekaSlurmCpuAudit;

/// <summary>
/// Audits a live node: the CPUs WEKA's client is pinned to against the CPUs Slurm may give to jobs.
/// Read-only: never changed, and check mode runs the same. An overlap fails the task unless
/// fail_on_overlap is false; the result keys are there either way.
/// </summary>
public static class Program
{
    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    public static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var root = p.Str("root")!;
        var wekaCgroup = p.Str("weka_cgroup")!;
        try
        {
            LiveReader.CheckCgroupName(wekaCgroup);
        }
        catch (AuditException e)
        {
            throw new ModuleFailure($"option 'weka_cgroup': {e.Message}");
        }

        var reader = new SysfsReader(root);
        AuditReport report;
        try
        {
            var topology = reader.Read();
            var hostname = reader.ShortHostname() ?? (Path.GetFullPath(root) == "/" ? Environment.MachineName.Split('.')[0] : null);
            var slurm = SlurmReport.Read(p.Str("scontrol_output"), p.Str("node_name"), hostname, Scontrol);
            report = CpuAuditor.Audit(topology, slurm, new LiveReader(root).Read(wekaCgroup, slurm.NodeName));
        }
        catch (Exception e) when (e is TopologyException or AuditException)
        {
            throw new ModuleFailure(e.Message);
        }

        foreach (var (key, value) in ReportJson.From(report))
        {
            context.Result.Set(key, value);
        }

        context.Result.Warnings.AddRange(report.Warnings);
        context.Result.Msg = report.Verdict;
        if (report.HasOverlap && p.Bool("fail_on_overlap"))
        {
            // The result keys set above stay in the failed result.
            throw new ModuleFailure(report.Verdict);
        }
    }

    private static CommandResult Scontrol(IReadOnlyList<string> args) =>
        CommandRunner.Which("scontrol") is { } scontrol
            ? CommandRunner.Run(scontrol, args, SlurmReport.Timeout)
            : throw new ModuleFailure("scontrol is not installed on this host: install slurm-client, or pass the output of `scontrol show node NAME` as scontrol_output");
}
