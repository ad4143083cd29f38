using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.Modules.WekafsMount;

/// <summary>The module's options (documented in collection/plugins/modules/wekafs_mount.yml).</summary>
public static class Options
{
    public const string ModuleName = "wekafs_mount";

    public static readonly string[] States = ["mounted", "present", "unmounted", "absent", "remounted"];

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("path", ArgType.Path, required: true)
        .Add("filesystem", ArgType.Str)
        .Add("backends", ArgType.List, elements: ArgType.Str)
        .Add("source", ArgType.Str)
        .Add("state", ArgType.Str, @default: "mounted", choices: States)
        .Add("mode", ArgType.Str, @default: "dpdk", choices: ["dpdk", "udp"])
        .Add("cores", ArgType.List, elements: ArgType.Int)
        .Add("num_cores", ArgType.Int)
        .Add("net", ArgType.List, elements: ArgType.Str)
        .Add("memory_mb", ArgType.Int)
        .Add("mgmt_ip", ArgType.Str)
        .Add("container_name", ArgType.Str)
        .Add("readcache", ArgType.Bool, @default: false)
        .Add("writecache", ArgType.Bool, @default: false)
        .Add("forcedirect", ArgType.Bool, @default: false)
        .Add("readonly", ArgType.Bool, @default: false)
        .Add("options", ArgType.List, @default: new JsonArray(), elements: ArgType.Str)
        .Add("fstab", ArgType.Path, @default: "/etc/fstab")
        .Add("systemd_options", ArgType.List, @default: new JsonArray([.. WekaMountOptions.DefaultSystemdOptions.Select(o => (JsonNode?)JsonValue.Create(o))]), elements: ArgType.Str)
        .Add("backup", ArgType.Bool, @default: false)
        .Add("timeout", ArgType.Int, @default: WekaMountRequest.DefaultTimeoutSeconds)
        .Add("mountinfo", ArgType.Path, @default: MountInfoTable.DefaultPath);
}
