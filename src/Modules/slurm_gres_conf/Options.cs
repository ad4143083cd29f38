using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmGresConf;

/// <summary>The module's options (documented in collection/plugins/modules/slurm_gres_conf.yml).</summary>
public static class Options
{
    public const string ModuleName = "slurm_gres_conf";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .AddFileOptions("/etc/slurm/gres.conf")
        .Add("autodetect", ArgType.Str)
        .Add("lines", ArgType.List, aliases: ["gres"])
        .Add("exclusive", ArgType.Bool, @default: false)
        .Add("validate", ArgType.Bool, @default: true)
        .Add("slurm_conf_path", ArgType.Path)
        .Add("node_name", ArgType.Str);
}
