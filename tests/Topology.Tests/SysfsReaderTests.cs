using HpcWekaSlurm.Topology.Tests.Fixtures;

namespace HpcWekaSlurm.Topology.Tests;

[Collection(TopologyCollection.Name)]
public class SysfsReaderTests(HostTrees trees)
{
    [Fact]
    public void Reads_numa_nodes_memory_and_hostname_from_the_tree()
    {
        var host = trees.Of(Hosts.A);
        Assert.Equal("0-23,48-71", CpuList.Format(host.Topology.NumaNodes[0]));
        Assert.Equal("24-47,72-95", CpuList.Format(host.Topology.NumaNodes[1]));
        Assert.Equal(1_024_000, host.Topology.MemTotalKiB);
        Assert.Equal("node1", host.Reader.ShortHostname());
    }

    [Fact]
    public void Nic_numa_node_is_null_when_the_kernel_does_not_know_it()
    {
        var host = trees.Of(Hosts.A);
        Assert.Equal(1, host.Reader.NicNumaNode("ib0"));
        Assert.Null(host.Reader.NicNumaNode("bond0"));
        Assert.Null(host.Reader.NicNumaNode("eth9"));
    }

    [Theory]
    [InlineData("ib7")]
    [InlineData("../../devices")]
    [InlineData("")]
    public void An_unknown_nic_lists_the_interfaces_there_are(string nic)
    {
        var host = trees.Of(Hosts.A);
        var e = Assert.Throws<TopologyException>(() => host.Reader.NicNumaNode(nic));
        Assert.Contains($"there is no network interface '{nic}'", e.Message);
        Assert.Contains("(interfaces: bond0, eth9, ib0, ib1)", e.Message);
    }

    [Fact]
    public void A_root_that_is_not_a_host_tree_names_the_missing_file()
    {
        using var dir = new TempDir();
        var e = Assert.Throws<TopologyException>(() => new SysfsReader(dir.Path).Read());
        Assert.Equal($"{dir.Path}/sys/devices/system/cpu/online does not exist: is root '{dir.Path}' a Linux host's filesystem root?", e.Message);
    }

    [Fact]
    public void A_malformed_cpu_list_names_the_file()
    {
        using var host = new FixtureHost(Hosts.C);
        File.WriteAllText(Path.Combine(host.Root, "sys/devices/system/cpu/online"), "0-x\n");
        var e = Assert.Throws<TopologyException>(() => host.Reader.Read());
        Assert.Equal($"{host.Root}/sys/devices/system/cpu/online: 'x' in CPU list '0-x' is not a CPU number", e.Message);
    }

    [Fact]
    public void Siblings_that_disagree_are_refused()
    {
        using var host = new FixtureHost(Hosts.C);
        File.WriteAllText(Path.Combine(host.Root, "sys/devices/system/cpu/cpu1/topology/thread_siblings_list"), "1-2\n");
        var e = Assert.Throws<TopologyException>(() => host.Reader.Read());
        Assert.Contains("cpu1: its thread siblings 1-2 disagree with those of its sibling cpu0 (0-1)", e.Message);
    }

    [Fact]
    public void Meminfo_without_mem_total_is_refused()
    {
        using var host = new FixtureHost(Hosts.C);
        File.WriteAllText(Path.Combine(host.Root, "proc/meminfo"), "MemFree: 1 kB\n");
        Assert.Contains("has no 'MemTotal: N kB' line", Assert.Throws<TopologyException>(() => host.Reader.Read()).Message);
    }

    [Fact]
    public void This_machine_reads_without_error()
    {
        var topology = new SysfsReader("/").Read();
        Assert.Equal(Environment.ProcessorCount, topology.OnlineCpus.Count);
    }
}
