using HpcWekaSlurm.AnsibleModule.Arguments;

namespace HpcWekaSlurm.Modules.WekaSlurmCpuAudit;

/// <summary>The module's options (documented in collection/plugins/modules/weka_slurm_cpu_audit.yml).</summary>
public static class Options
{
    public const string ModuleName = "weka_slurm_cpu_audit";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("root", ArgType.Path, @default: "/")
        .Add("node_name", ArgType.Str)
        .Add("scontrol_output", ArgType.Str)
        .Add("weka_cgroup", ArgType.Str, @default: "weka-client")
        .Add("fail_on_overlap", ArgType.Bool, @default: true);
}
