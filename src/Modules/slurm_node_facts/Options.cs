using HpcWekaSlurm.AnsibleModule.Arguments;

namespace HpcWekaSlurm.Modules.SlurmNodeFacts;

/// <summary>The module's options (documented in collection/plugins/modules/slurm_node_facts.yml).</summary>
public static class Options
{
    public const string ModuleName = "slurm_node_facts";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("root", ArgType.Path, @default: "/")
        .Add("node_name", ArgType.Str)
        .Add("weka_cores", ArgType.List, elements: ArgType.Int)
        .Add("weka_core_count", ArgType.Int)
        .Add("weka_nic", ArgType.Str)
        .Add("weka_memory_mb", ArgType.Int)
        .Add("os_memory_mb", ArgType.Int)
        .Add("spec_style", ArgType.Str, @default: "cpu_spec_list", choices: ["cpu_spec_list", "core_spec_count"])
        .Exclusive("weka_cores", "weka_core_count");
}
