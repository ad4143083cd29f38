using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Slurm.Munge;
using KeyMaterial = HpcWekaSlurm.Slurm.Munge.MungeKey;

namespace HpcWekaSlurm.Modules.MungeKey;

/// <summary>The module's options (documented in collection/plugins/modules/munge_key.yml).</summary>
public static class Options
{
    public const string ModuleName = "munge_key";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("path", ArgType.Path, @default: "/etc/munge/munge.key")
        .Add("state", ArgType.Str, @default: "present", choices: ["present", "absent"])
        .Add("generate", ArgType.Bool, @default: false)
        .Add("size", ArgType.Int, @default: (long)KeyMaterial.DefaultBytes)
        .Add("content", ArgType.Str, noLog: true)
        .Add("force", ArgType.Bool, @default: false)
        .Add("return_content", ArgType.Bool, @default: false)
        .Add("owner", ArgType.Str, @default: "munge")
        .Add("group", ArgType.Str, @default: "munge")
        // Raw: YAML's unquoted 0400 arrives as the number 256, as for Ansible's file modules.
        .Add("mode", ArgType.Raw, @default: "0400")
        .Add("backup", ArgType.Bool, @default: false);
}
