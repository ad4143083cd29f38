using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Modules.ClusterPreflight;

/// <summary>The module's options (documented in collection/plugins/modules/cluster_preflight.yml): one set per mode.</summary>
public static class Options
{
    public const string ModuleName = "cluster_preflight";

    /// <summary>Options that read this node (gathering mode).</summary>
    public static readonly string[] Gathering =
        ["reference_epoch", "clock_offset_seconds", "controllers", "nics", "accounts", "munge_key_path", "weka_service_conf", "cgroup_root"];

    /// <summary>Options that compare nodes (comparing mode, selected by <c>hosts</c>).</summary>
    public static readonly string[] Comparing = ["hosts", "missing_hosts", "reference_host", "max_clock_skew", "ignore"];

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("reference_epoch", ArgType.Float)
        .Add("clock_offset_seconds", ArgType.Float, @default: 0.0)
        .Add("controllers", ArgType.List, @default: new JsonArray(), elements: ArgType.Str)
        .Add("nics", ArgType.List, @default: new JsonArray(), elements: ArgType.Str)
        .Add("accounts", ArgType.List, @default: new JsonArray("slurm", "munge"), elements: ArgType.Str)
        .Add("munge_key_path", ArgType.Path, @default: "/etc/munge/munge.key")
        .Add("weka_service_conf", ArgType.Path, @default: "/etc/wekaio/service.conf")
        .Add("cgroup_root", ArgType.Path, @default: "/sys/fs/cgroup")
        .Add("hosts", ArgType.Dict)
        .Add("missing_hosts", ArgType.List, @default: new JsonArray(), elements: ArgType.Str)
        .Add("reference_host", ArgType.Str)
        .Add("max_clock_skew", ArgType.Float, @default: 1.0)
        .Add("ignore", ArgType.List, @default: new JsonArray(), elements: ArgType.Str, choices: Checks.All);
}
