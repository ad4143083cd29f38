using HpcWekaSlurm.Topology.Tests.Fixtures;

namespace HpcWekaSlurm.Topology.Tests;

[Collection(TopologyCollection.Name)]
public class WekaReservationTests(HostTrees trees)
{
    [Fact]
    public void One_core_from_the_last_socket_on_the_guides_host()
    {
        var host = trees.Of(Hosts.A);
        var facts = host.Compute(wekaCoreCount: 1);
        Assert.Equal([47], facts.WekaCores);
        Assert.Equal([47, 95], facts.WekaCpus);
        Assert.Equal("94-95", facts.CpuSpecList);
        Assert.Equal(1, facts.CoreSpecCount);
        Assert.Equal(1, facts.WekaNumaNode);
        Assert.Equal("NodeName=n1 CPUs=96 Boards=1 SocketsPerBoard=2 CoresPerSocket=24 ThreadsPerCore=2 RealMemory=1000 CpuSpecList=94-95", facts.NodeLine.ToString());
    }

    [Fact]
    public void Two_cores_from_one_socket_are_not_what_core_spec_count_takes()
    {
        var host = trees.Of(Hosts.A);
        var facts = host.Compute(wekaCoreCount: 2);
        Assert.Equal([46, 47], facts.WekaCores);
        Assert.Equal([46, 47, 94, 95], facts.WekaCpus);
        Assert.Equal("92-95", facts.CpuSpecList);
        // CoreSpecCount=2 would take core 23 of both sockets.
        Assert.Null(facts.CoreSpecCount);
    }

    [Fact]
    public void The_nics_numa_node_decides_the_socket()
    {
        var host = trees.Of(Hosts.A);
        var facts = host.Compute(wekaCoreCount: 2, nic: "ib1");
        Assert.Equal([22, 23], facts.WekaCores);
        Assert.Equal([22, 23, 70, 71], facts.WekaCpus);
        Assert.Equal("44-47", facts.CpuSpecList);
        Assert.Equal(0, facts.WekaNumaNode);
        Assert.Empty(facts.Warnings);
    }

    [Theory]
    [InlineData("bond0")]
    [InlineData("eth9")]
    public void A_nic_without_a_known_numa_node_falls_back_to_the_last_socket_with_a_warning(string nic)
    {
        var host = trees.Of(Hosts.A);
        var facts = host.Compute(wekaCoreCount: 1, nic: nic);
        Assert.Equal([47], facts.WekaCores);
        Assert.Contains(facts.Warnings, w => w.Contains($"weka_nic '{nic}' is unknown", StringComparison.Ordinal));
    }

    [Fact]
    public void Several_given_cores_on_an_interleaved_host_in_abstract_ids()
    {
        var host = trees.Of(Hosts.B);
        var facts = host.Compute(wekaCores: [56, 58, 60, 62], nic: "ib0");
        Assert.Equal([56, 58, 60, 62], facts.WekaCores);
        Assert.Equal([56, 58, 60, 62], facts.WekaCpus);
        Assert.Equal("28-31", facts.CpuSpecList);
        Assert.Equal(0, facts.WekaNumaNode);
        Assert.Empty(facts.Warnings);
    }

    [Fact]
    public void Given_cores_away_from_the_nic_are_a_warning()
    {
        var host = trees.Of(Hosts.B);
        var facts = host.Compute(wekaCores: [57, 62], nic: "ib0");
        Assert.Equal("31,60", facts.CpuSpecList);
        Assert.Contains(facts.Warnings, w => w.Contains("weka_cores 57 are not on NUMA node 0", StringComparison.Ordinal));
    }

    [Fact]
    public void Core_spec_count_style_when_slurm_would_take_the_same_cores()
    {
        var host = trees.Of(Hosts.C);
        var facts = host.Compute(wekaCoreCount: 2, style: SpecStyle.CoreSpecCount);
        Assert.Equal([4, 6], facts.WekaCores);
        Assert.Equal([4, 5, 6, 7], facts.WekaCpus);
        Assert.Equal("4-7", facts.CpuSpecList);
        Assert.Equal(2, facts.CoreSpecCount);
        Assert.EndsWith("RealMemory=1000 CoreSpecCount=2", facts.NodeLine.ToString());
        Assert.DoesNotContain("CpuSpecList", facts.NodeLine.ToString());
    }

    [Fact]
    public void Smt4_core_near_the_nic_reserves_all_four_threads()
    {
        var host = trees.Of(Hosts.Smt4);
        var facts = host.Compute(wekaCoreCount: 1, nic: "ib0");
        Assert.Equal([12], facts.WekaCores);
        Assert.Equal([12, 13, 14, 15], facts.WekaCpus);
        Assert.Equal("12-15", facts.CpuSpecList);
    }

    [Fact]
    public void Sub_numa_node_cores_follow_hwlocs_group_order()
    {
        var host = trees.Of(Hosts.SncInterleaved);
        var facts = host.Compute(wekaCoreCount: 2, nic: "ib0");
        Assert.Equal([5, 7], facts.WekaCores);
        Assert.Equal([5, 7, 13, 15], facts.WekaCpus);
        Assert.Equal("12-15", facts.CpuSpecList);
        Assert.Equal(2, facts.CoreSpecCount);
    }

    [Fact]
    public void Core_id_gaps_one_core_per_socket()
    {
        var host = trees.Of(Hosts.CoreIdGaps);
        var facts = host.Compute(wekaCores: [9, 19]);
        Assert.Equal([9, 19, 29, 39], facts.WekaCpus);
        Assert.Equal("18-19,38-39", facts.CpuSpecList);
        Assert.Equal(2, facts.CoreSpecCount);
    }

    [Fact]
    public void Memory_for_weka_and_the_os_is_summed_into_mem_spec_limit()
    {
        var host = trees.Of(Hosts.A);
        var facts = host.Compute(new NodeRequest { NodeName = "n1", WekaCoreCount = 1, WekaMemoryMb = 200, OsMemoryMb = 100 });
        Assert.Equal(300, facts.MemSpecLimit);
        Assert.EndsWith("RealMemory=1000 MemSpecLimit=300 CpuSpecList=94-95", facts.NodeLine.ToString());
    }

    [Fact]
    public void No_reservation_gives_the_plain_hardware_line()
    {
        var host = trees.Of(Hosts.TwoBoards);
        var facts = host.Compute();
        Assert.Empty(facts.WekaCores);
        Assert.Null(facts.CpuSpecList);
        Assert.Null(facts.MemSpecLimit);
        Assert.Equal("NodeName=n1 CPUs=8 Boards=2 SocketsPerBoard=2 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=1000", facts.NodeLine.ToString());
    }
}
