using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>What to read on this node (the gathering options).</summary>
public sealed record GatherRequest(
    double? ReferenceEpoch,
    double ClockOffsetSeconds,
    IReadOnlyList<string> Controllers,
    IReadOnlyList<string> Nics,
    IReadOnlyList<string> Accounts,
    string MungeKeyPath,
    string WekaServiceConf,
    string CgroupRoot)
{
    public static GatherRequest From(ModuleParams p)
    {
        var controllers = p.StrList("controllers");
        if (controllers.FirstOrDefault(n => n.Trim().Length == 0 || n.Any(char.IsWhiteSpace)) is { } badName)
        {
            throw new ModuleFailure($"option 'controllers': '{badName}' is not a host name");
        }

        var nics = p.StrList("nics");
        if (nics.FirstOrDefault(n => n.Length == 0 || n.Contains('/') || n is "." or "..") is { } badNic)
        {
            throw new ModuleFailure($"option 'nics': '{badNic}' is not a network interface name");
        }

        var offset = p.Float("clock_offset_seconds") ?? 0;
        if (!double.IsFinite(offset))
        {
            throw new ModuleFailure("option 'clock_offset_seconds': must be a finite number of seconds");
        }

        return new GatherRequest(
            p.Float("reference_epoch"),
            offset,
            [.. controllers.Distinct()],
            [.. nics.Distinct()],
            [.. p.StrList("accounts").Distinct()],
            p.Str("munge_key_path")!,
            p.Str("weka_service_conf")!,
            p.Str("cgroup_root")!);
    }
}
