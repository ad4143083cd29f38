namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>The check names problems carry (the ignore option takes them).</summary>
public static class Checks
{
    public const string Facts = "facts";
    public const string ClockSkew = "clock_skew";
    public const string AccountIds = "account_ids";
    public const string ControllerResolution = "controller_resolution";
    public const string RealMemory = "real_memory";
    public const string MemSpecLimit = "mem_spec_limit";
    public const string CgroupPlugin = "cgroup_plugin";
    public const string CgroupControllers = "cgroup_controllers";
    public const string WekaNic = "weka_nic";
    public const string WekaNuma = "weka_numa";
    public const string WekaAgent = "weka_agent";
    public const string SlurmVersion = "slurm_version";
    public const string MungeKey = "munge_key";

    public static readonly string[] All =
    [
        Facts, ClockSkew, AccountIds, ControllerResolution, RealMemory, MemSpecLimit, CgroupPlugin, CgroupControllers,
        WekaNic, WekaNuma, WekaAgent, SlurmVersion, MungeKey,
    ];
}
