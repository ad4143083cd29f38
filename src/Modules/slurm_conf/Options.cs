using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmConf;

/// <summary>The module's options (documented in collection/plugins/modules/slurm_conf.yml).</summary>
public static class Options
{
    public const string ModuleName = "slurm_conf";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .AddFileOptions("/etc/slurm/slurm.conf")
        .Add("settings", ArgType.Dict)
        .Add("nodes", ArgType.List)
        .Add("partitions", ArgType.List)
        .Add("exclusive_nodes", ArgType.Bool, @default: false)
        .Add("exclusive_partitions", ArgType.Bool, @default: false)
        .Add("node_hardware", ArgType.Dict)
        .Add("validate", ArgType.Bool, @default: true);
}
