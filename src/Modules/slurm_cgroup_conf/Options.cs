using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmCgroupConf;

/// <summary>The module's options (documented in collection/plugins/modules/slurm_cgroup_conf.yml).</summary>
public static class Options
{
    public const string ModuleName = "slurm_cgroup_conf";

    /// <summary>Typed options and the cgroup.conf keys they set.</summary>
    public static readonly IReadOnlyList<(string Option, string Key, ArgType Type)> Typed =
    [
        ("cgroup_plugin", "CgroupPlugin", ArgType.Str),
        ("constrain_cores", "ConstrainCores", ArgType.Bool),
        ("constrain_ram_space", "ConstrainRAMSpace", ArgType.Bool),
        ("constrain_swap_space", "ConstrainSwapSpace", ArgType.Bool),
        ("constrain_devices", "ConstrainDevices", ArgType.Bool),
        ("allowed_ram_space", "AllowedRAMSpace", ArgType.Float),
        ("allowed_swap_space", "AllowedSwapSpace", ArgType.Float),
        ("min_ram_space", "MinRAMSpace", ArgType.Int),
        ("ignore_systemd", "IgnoreSystemd", ArgType.Bool),
    ];

    public static readonly ArgumentSpec Spec = Build();

    private static ArgumentSpec Build()
    {
        var spec = new ArgumentSpec().AddFileOptions("/etc/slurm/cgroup.conf");
        foreach (var (option, _, type) in Typed)
        {
            if (option == "cgroup_plugin")
            {
                spec.Add(option, type, @default: "autodetect", choices: ["autodetect", "cgroup/v1", "cgroup/v2"]);
            }
            else
            {
                spec.Add(option, type);
            }
        }

        return spec
            .Add("extra", ArgType.Dict)
            .Add("cgroup_root", ArgType.Path, @default: "/sys/fs/cgroup");
    }
}
