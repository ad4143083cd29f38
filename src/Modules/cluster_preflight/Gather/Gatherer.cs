using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using HpcWekaSlurm.Slurm.CgroupConf;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>Reads everything the cluster-wide checks need from this node. Changes nothing.</summary>
public static class Gatherer
{
    /// <param name="clock">This node's clock, read before anything else (closest to when the controller sent the task).</param>
    /// <param name="secrets">Receives the munge key's text forms, for the output scrubber.</param>
    public static HostFacts Gather(GatherRequest request, DateTime clock, ICollection<string> secrets)
    {
        var sysfs = new SysfsReader("/");
        var pageSize = Environment.SystemPageSize;
        var memTotal = ReadMemTotal(sysfs);
        var hierarchy = CgroupHierarchy.Detect(request.CgroupRoot);
        return new HostFacts
        {
            Hostname = sysfs.ShortHostname() ?? Environment.MachineName.Split('.')[0],
            Clock = new ClockFact(
                (clock - DateTime.UnixEpoch).TotalSeconds + request.ClockOffsetSeconds,
                request.ReferenceEpoch,
                request.ClockOffsetSeconds),
            Accounts = AccountReader.Read(request.Accounts),
            Controllers = NameResolver.Resolve(request.Controllers),
            Memory = new MemoryFact(memTotal, pageSize, SlurmMemory.RealMemoryMiB(memTotal, pageSize)),
            Cgroup = new CgroupFact(request.CgroupRoot, CgroupNames.Of(hierarchy), CgroupHierarchy.Controllers(request.CgroupRoot, hierarchy)),
            Nics = NicReader.Read(sysfs, request.Nics),
            Weka = WekaProbe.Read(request.WekaServiceConf),
            Packages = PackageProbe.Read(),
            MungeKey = MungeKeyProbe.Read(request.MungeKeyPath, secrets),
        };
    }

    private static long ReadMemTotal(SysfsReader sysfs)
    {
        try
        {
            return sysfs.MemTotalKiB();
        }
        catch (TopologyException e)
        {
            throw new ModuleFailure(e.Message);
        }
    }
}
