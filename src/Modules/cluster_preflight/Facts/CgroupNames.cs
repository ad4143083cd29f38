using HpcWekaSlurm.Slurm.CgroupConf;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Facts;

/// <summary>The hierarchy names of the facts (v1, hybrid, v2, unknown), as admins say them.</summary>
public static class CgroupNames
{
    public static string Of(CgroupMode mode) => mode switch
    {
        CgroupMode.Legacy => "v1",
        CgroupMode.Hybrid => "hybrid",
        CgroupMode.Unified => "v2",
        _ => "unknown",
    };

    public static CgroupMode Parse(string name) => name switch
    {
        "v1" => CgroupMode.Legacy,
        "hybrid" => CgroupMode.Hybrid,
        "v2" => CgroupMode.Unified,
        _ => CgroupMode.Unknown,
    };
}
