using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.SlurmConf;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmConf;

/// <summary>
/// Edits slurm.conf in place: global keys, NodeName and PartitionName lines; validates the result
/// (own rules, then the real slurmd) before it replaces the file; says whether the change needs a
/// restart (and in which order) or only scontrol reconfigure.
/// </summary>
public static class Program
{
    private static readonly HashSet<string> Repeatable = new(StringComparer.OrdinalIgnoreCase) { "SlurmctldHost" };

    public static int Main(string[] argv) => ModuleRunner.Run(argv, Options.ModuleName, Options.Spec, Execute);

    private static void Execute(ModuleContext context)
    {
        var p = context.Params;
        var rules = SlurmRelease.Resolve(context);
        var validate = p.Bool("validate");
        var slurmd = validate ? HostCommands.Which("slurmd") : null;
        var request = new SlurmConfRequest
        {
            Settings = DesiredValues.Settings(p.Dict("settings"), "settings", Repeatable),
            Nodes = DesiredValues.Lines(p.List("nodes"), "nodes", "NodeName", ConfDialect.SlurmConf),
            Partitions = DesiredValues.Lines(p.List("partitions"), "partitions", "PartitionName", ConfDialect.SlurmConf),
            ExclusiveNodes = p.Bool("exclusive_nodes"),
            ExclusivePartitions = p.Bool("exclusive_partitions"),
            Hardware = NodeHardwareOption.Read(p.Dict("node_hardware"), slurmd),
            Rules = rules,
        };

        var path = p.Str("path")!;
        context.Result.Set("validated", false);
        ConfFileModule.Run(context, new ConfFileJob(path, "slurm.conf", bytes => SlurmConfPlanner.Plan(bytes, request))
        {
            Ownership = _ => ConfFileOptions.Ownership(p),
            Backup = p.Bool("backup"),
            Create = p.Bool("create"),
            Check = !validate ? null : plan => SlurmdCheckStep.Run(context, "slurm.conf", slurmd, path, Path.GetFileName(path), plan.After, HostCommands.ShortHostName()),
        });
    }
}
