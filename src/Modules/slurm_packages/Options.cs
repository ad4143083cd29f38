using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.Modules.SlurmPackages;

/// <summary>The module's options (documented in collection/plugins/modules/slurm_packages.yml).</summary>
public static class Options
{
    public const string ModuleName = "slurm_packages";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("roles", ArgType.List, @default: new System.Text.Json.Nodes.JsonArray(), elements: ArgType.Str, choices: [.. SlurmRoles.Names])
        .Add("configless", ArgType.Bool, @default: true)
        .Add("version", ArgType.Str)
        .Add("state", ArgType.Str, @default: "present", choices: ["present", "absent", "latest"])
        .Add("extra_packages", ArgType.List, @default: new System.Text.Json.Nodes.JsonArray(), elements: ArgType.Str)
        .Add("slurm_uid", ArgType.Int)
        .Add("slurm_gid", ArgType.Int)
        .Add("munge_uid", ArgType.Int)
        .Add("munge_gid", ArgType.Int)
        .Add("update_cache", ArgType.Bool, @default: false);
}
