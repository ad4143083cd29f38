using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.AnsibleModule.Files;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>The options every Slurm config module takes: where the file is, who owns it, and which Slurm rules apply.</summary>
public static class ConfFileOptions
{
    public static ArgumentSpec AddFileOptions(this ArgumentSpec spec, string defaultPath, string? defaultOwner = null, string? defaultMode = null) => spec
        .Add("path", ArgType.Path, @default: defaultPath, aliases: ["dest"])
        .Add("owner", ArgType.Str, @default: defaultOwner)
        .Add("group", ArgType.Str)
        .Add("mode", ArgType.Str, @default: defaultMode)
        .Add("backup", ArgType.Bool, @default: false)
        .Add("create", ArgType.Bool, @default: true)
        .Add("slurm_version", ArgType.Str);

    public static FileOwnership Ownership(ModuleParams p) => new(p.Str("owner"), p.Str("group"), p.Str("mode"));
}
