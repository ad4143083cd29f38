using HpcWekaSlurm.Modules.ClusterPreflight.Gather;
using HpcWekaSlurm.Slurm.CgroupConf;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.Preflight.Tests.Gather;

/// <summary>What gathering reads from sysfs, on small trees laid out as the kernel lays them out.</summary>
public sealed class SysfsFixtureTests : IDisposable
{
    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("preflight-sysfs-");

    public void Dispose() => root.Delete(recursive: true);

    [Fact]
    public void Nic_with_a_device_reports_its_numa_node_and_local_cpus_a_veth_neither_and_a_missing_one_the_interfaces()
    {
        Write("sys/class/net/ib0/device/numa_node", "1\n");
        Write("sys/class/net/ib0/device/local_cpulist", "24-47,72-95\n");
        Directory.CreateDirectory(Path.Combine(root.FullName, "sys/class/net/veth0"));

        var nics = NicReader.Read(new SysfsReader(root.FullName), ["ib0", "veth0", "ib1"]);

        Assert.Equal(new(true, 1, "24-47,72-95", null), nics["ib0"]);
        Assert.Equal(new(true, null, null, null), nics["veth0"]);
        Assert.False(nics["ib1"].Exists);
        Assert.EndsWith("(interfaces: ib0, veth0)", nics["ib1"].Error);
    }

    [Fact]
    public void Hybrid_hierarchy_lists_its_v1_controllers_once_each_without_systemds_own()
    {
        foreach (var dir in new[] { "cpu,cpuacct", "cpuset", "memory", "systemd" })
        {
            Write($"fs/{dir}/cgroup.clone_children", "0\n");
        }

        Write("fs/unified/cgroup.controllers", "\n");
        var cgroup = Path.Combine(root.FullName, "fs");

        Assert.Equal(CgroupMode.Hybrid, CgroupHierarchy.Detect(cgroup));
        Assert.Equal(["cpu", "cpuacct", "cpuset", "memory"], CgroupHierarchy.Controllers(cgroup, CgroupMode.Hybrid));
    }

    [Fact]
    public void Unified_hierarchy_lists_the_roots_controllers()
    {
        Write("fs/cgroup.controllers", "cpuset cpu io memory hugetlb pids rdma misc\n");
        var cgroup = Path.Combine(root.FullName, "fs");

        Assert.Equal(CgroupMode.Unified, CgroupHierarchy.Detect(cgroup));
        Assert.Equal(["cpu", "cpuset", "hugetlb", "io", "memory", "misc", "pids", "rdma"], CgroupHierarchy.Controllers(cgroup, CgroupMode.Unified));
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(root.FullName, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
