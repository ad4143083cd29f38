using HpcWekaSlurm.Topology.Tests.Fixtures;

namespace HpcWekaSlurm.Topology.Tests;

/// <summary>Slurm's abstract numbering on the layouts that trip people up (each also checked against real slurmd in OracleTests).</summary>
[Collection(TopologyCollection.Name)]
public class CpuMapTests(HostTrees trees)
{
    private (SlurmCpuMap Map, HostTopology Topology) Read(HostDescription host)
    {
        var fixture = trees.Of(host);
        return (fixture.Map, fixture.Topology);
    }

    [Theory]
    [InlineData("A-linear-siblings-far", 96, 1, 2, 24, 2)]
    [InlineData("B-numa-interleaved", 64, 1, 2, 32, 1)]
    [InlineData("C-siblings-adjacent", 8, 1, 1, 4, 2)]
    [InlineData("interleaved-ht", 64, 1, 2, 16, 2)]
    [InlineData("smt4", 32, 1, 2, 4, 4)]
    [InlineData("core-id-gaps", 40, 1, 2, 10, 2)]
    [InlineData("core-id-scrambled", 12, 1, 1, 6, 2)]
    [InlineData("snc-interleaved", 16, 1, 1, 8, 2)]
    [InlineData("l3-interleaved", 8, 1, 1, 8, 1)]
    [InlineData("two-boards", 8, 2, 2, 2, 1)]
    [InlineData("smt-off", 4, 1, 1, 4, 1)]
    public void Counts_are_what_slurmd_reports(string host, int cpus, int boards, int socketsPerBoard, int coresPerSocket, int threadsPerCore)
    {
        var (map, _) = Read(Hosts.ByName(host));
        Assert.Equal((cpus, boards, socketsPerBoard, coresPerSocket, threadsPerCore), (map.Cpus, map.Boards, map.SocketsPerBoard, map.CoresPerSocket, map.ThreadsPerCore));
    }

    [Fact]
    public void Linear_numbering_with_far_siblings_puts_both_threads_of_a_core_next_to_each_other()
    {
        var (map, _) = Read(Hosts.A);
        Assert.Equal([0, 48, 1, 49], map.AbstractToOs.Take(4));
        Assert.Equal([24, 72], map.AbstractToOs.Skip(48).Take(2));
        Assert.Equal([47, 95], map.AbstractToOs.TakeLast(2));
    }

    [Fact]
    public void Numa_interleaved_numbering_takes_every_other_os_cpu_per_socket()
    {
        var (map, _) = Read(Hosts.B);
        Assert.Equal([0, 2, 4, 6], map.AbstractToOs.Take(4));
        Assert.Equal([1, 3, 5, 7], map.AbstractToOs.Skip(32).Take(4));
    }

    [Fact]
    public void Interleaved_sockets_with_hyperthreads()
    {
        var (map, _) = Read(Hosts.InterleavedHt);
        Assert.Equal([0, 32, 2, 34], map.AbstractToOs.Take(4));
        Assert.Equal([1, 33, 3, 35], map.AbstractToOs.Skip(32).Take(4));
    }

    [Theory]
    [InlineData("C-siblings-adjacent")]
    [InlineData("smt4")]
    [InlineData("core-id-scrambled")]
    [InlineData("two-boards")]
    public void Adjacent_siblings_make_abstract_and_os_ids_equal(string host)
    {
        var (map, _) = Read(Hosts.ByName(host));
        Assert.Equal(Enumerable.Range(0, map.Cpus), map.AbstractToOs);
    }

    [Fact]
    public void Gaps_in_core_id_do_not_shift_the_numbering()
    {
        var (map, topology) = Read(Hosts.CoreIdGaps);
        Assert.Equal(8, topology.Cores[5].CoreId);
        Assert.Equal([5, 25], map.AbstractToOs.Skip(10).Take(2));
        Assert.Equal([39], map.ToAbstract([39]));
    }

    [Fact]
    public void Cores_are_ordered_by_their_cpus_not_by_core_id()
    {
        var (_, topology) = Read(Hosts.CoreIdScrambled);
        Assert.Equal([13, 2, 9, 0, 5, 1], topology.Cores.Select(c => c.CoreId));
        Assert.Equal([0, 2, 4, 6, 8, 10], topology.Cores.Select(c => c.FirstCpu));
    }

    [Fact]
    public void Numa_groups_inside_a_package_number_one_node_before_the_other()
    {
        var (map, topology) = Read(Hosts.SncInterleaved);
        Assert.Equal([0, 2, 4, 6, 1, 3, 5, 7], topology.Cores.Select(c => c.FirstCpu));
        Assert.Equal([0, 8, 2, 10], map.AbstractToOs.Take(4));
        Assert.Equal([1, 9], map.AbstractToOs.Skip(8).Take(2));
    }

    [Fact]
    public void L3_caches_inside_a_package_order_cores_too()
    {
        var (map, _) = Read(Hosts.L3Interleaved);
        Assert.Equal([0, 2, 4, 6, 1, 3, 5, 7], map.AbstractToOs);
    }

    [Fact]
    public void Smt4_widens_a_cpu_to_its_four_threads()
    {
        var (map, _) = Read(Hosts.Smt4);
        Assert.Equal([28, 29, 30, 31], map.WidenToCores([29]));
        Assert.Equal([12, 13, 14, 15, 28, 29, 30, 31], map.CoreSpecCountCpus(2));
    }

    [Fact]
    public void Offline_cpus_between_online_ones_are_reported_as_irregular()
    {
        var (map, _) = Read(Hosts.SmtOff);
        // slurmd maps only the ids below CPUs=4; abstract 2 and 3 keep its identity default.
        Assert.Equal([0, 2, 2, 3], map.AbstractToOs);
        Assert.Equal(2, map.Irregularities.Count);
        Assert.Contains("OS CPU 4", map.Irregularities[0]);
    }

    [Fact]
    public void Ids_outside_the_node_are_refused()
    {
        var (map, _) = Read(Hosts.C);
        Assert.Contains("abstract CPU id 8 is outside", Assert.Throws<TopologyException>(() => map.ToOs([8])).Message);
        Assert.Contains("OS CPU id -1 is outside", Assert.Throws<TopologyException>(() => map.ToAbstract([-1])).Message);
        Assert.Contains("CoreSpecCount=4 is out of range", Assert.Throws<TopologyException>(() => map.CoreSpecCountCpus(4)).Message);
    }

    [Fact]
    public void Core_spec_count_alternates_sockets_from_the_last_core_down()
    {
        var (map, _) = Read(Hosts.B);
        // (S1,C31), (S0,C31), (S1,C30), (S0,C30)
        Assert.Equal([30, 31, 62, 63], map.CoreSpecCountCpus(4));
    }

    [Fact]
    public void Spec_for_os_cpus_covers_their_whole_cores()
    {
        // What the CPU audit suggests as the right CpuSpecList for the CPUs WEKA is pinned to.
        Assert.Equal([94, 95], Read(Hosts.A).Map.SpecFor([47]));
        Assert.Equal("28-31,60-63", CpuList.Format(Read(Hosts.B).Map.SpecFor([56, 57, 58, 59, 60, 61, 62, 63])));
    }
}
