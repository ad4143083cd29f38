using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>Whether each interface exists and where its device sits (NUMA node, local CPUs).</summary>
public static class NicReader
{
    public static IReadOnlyDictionary<string, NicFact> Read(SysfsReader sysfs, IReadOnlyList<string> nics) =>
        nics.ToDictionary(n => n, n => Read(sysfs, n), StringComparer.Ordinal);

    private static NicFact Read(SysfsReader sysfs, string nic)
    {
        try
        {
            var cpus = sysfs.NicLocalCpus(nic);
            return new NicFact(true, sysfs.NicNumaNode(nic), cpus is null ? null : CpuList.Format(cpus), null);
        }
        catch (TopologyException e)
        {
            return new NicFact(Directory.Exists(Path.Combine(sysfs.Root, "sys/class/net", nic)), null, null, e.Message);
        }
    }
}
