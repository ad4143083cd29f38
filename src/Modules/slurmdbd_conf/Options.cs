using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.SlurmModules;

namespace HpcWekaSlurm.Modules.SlurmdbdConf;

/// <summary>The module's options (documented in collection/plugins/modules/slurmdbd_conf.yml).</summary>
public static class Options
{
    public const string ModuleName = "slurmdbd_conf";

    public static readonly ArgumentSpec Spec = new ArgumentSpec()
        .AddFileOptions("/etc/slurm/slurmdbd.conf", defaultMode: "0600")
        .Add("settings", ArgType.Dict)
        .Add("storage_pass", ArgType.Str, noLog: true);
}
