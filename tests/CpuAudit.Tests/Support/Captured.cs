using HpcWekaSlurm.CpuAudit;

namespace HpcWekaSlurm.CpuAudit.Tests.Support;

/// <summary>The real `scontrol show node` outputs of Captured/ (Slurm 22.05, see capture.sh there).</summary>
internal static class Captured
{
    /// <summary>The WEKA guide's interleaved host (Hosts.B) with CpuSpecList=56,58,60,62: WEKA's OS ids, read by Slurm as abstract ids.</summary>
    public const string GuideOsIds = "guide-interleaved-os-ids";

    /// <summary>The same host with CpuSpecList=28-31, the abstract ids of OS CPUs 56,58,60,62 (--oneliner form).</summary>
    public const string GuideAbstractIds = "guide-interleaved-abstract-ids";

    /// <summary>The integration guide's a2-ultragpu-8g (Hosts.A) with CpuSpecList=47,95 and MemSpecLimit=500.</summary>
    public const string A2CpuSpecList4795 = "a2-ultragpu-8g-cpu-spec-list-47-95";

    /// <summary>Hosts.A with CoreSpecCount=1.</summary>
    public const string A2CoreSpecCount1 = "a2-ultragpu-8g-core-spec-count-1";

    /// <summary>Hosts.A without any reservation.</summary>
    public const string A2NoSpec = "a2-ultragpu-8g-no-spec";

    public static string Text(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Captured", name + ".txt"));

    public static SlurmNodeRecord Node(string name) => ScontrolShowNode.Parse(Text(name)).Single();
}
