using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;

namespace HpcWekaSlurm.Modules.WekaServiceConf;

/// <summary>The module's options (documented in collection/plugins/modules/weka_service_conf.yml).</summary>
public static class Options
{
    public const string ModuleName = "weka_service_conf";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("path", ArgType.Path, @default: "/etc/wekaio/service.conf", aliases: ["dest"])
        .Add("settings", ArgType.Dict, @default: new JsonObject { ["isolate_cpusets"] = false })
        .Add("section", ArgType.Str)
        .Add("backup", ArgType.Bool, @default: false)
        .Add("create", ArgType.Bool, @default: false);
}
