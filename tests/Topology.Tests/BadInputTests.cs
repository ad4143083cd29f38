using HpcWekaSlurm.Topology.Tests.Fixtures;

namespace HpcWekaSlurm.Topology.Tests;

/// <summary>Requests that do not fit the host fail with a message naming the option and the reason.</summary>
[Collection(TopologyCollection.Name)]
public class BadInputTests(HostTrees trees)
{
    private string Failure(HostDescription host, NodeRequest request)
    {
        var fixture = trees.Of(host);
        return Assert.Throws<TopologyException>(() => fixture.Compute(request)).Message;
    }

    private static NodeRequest Cores(params int[] ids) => new() { NodeName = "n1", WekaCores = ids };

    private static NodeRequest Count(int count, string? nic = null, SpecStyle style = SpecStyle.CpuSpecList) =>
        new() { NodeName = "n1", WekaCoreCount = count, WekaNic = nic is null ? null : new NicLocation(nic, nic == "ib1" ? 0 : 1), SpecStyle = style };

    [Fact]
    public void A_weka_core_that_is_not_online() =>
        Assert.Equal("weka_cores: CPU 96 is not online on this host (online: 0-95)", Failure(Hosts.A, Cores(96)));

    [Fact]
    public void An_offline_weka_core() =>
        Assert.StartsWith("weka_cores: CPU 3 is not online on this host (online: 0,2,4,6)", Failure(Hosts.SmtOff, Cores(3)));

    [Theory]
    [InlineData(0)]
    [InlineData(48)]
    public void Any_thread_of_physical_core_0(int cpu) =>
        Assert.StartsWith($"weka_cores: CPU {cpu} is on physical core 0 (CPUs 0,48)", Failure(Hosts.A, Cores(cpu)));

    [Fact]
    public void Two_threads_of_one_core() =>
        Assert.StartsWith("weka_cores: CPUs 47 and 95 are hyperthreads of the same physical core", Failure(Hosts.A, Cores(47, 95)));

    [Fact]
    public void The_same_cpu_twice() =>
        Assert.Equal("weka_cores: CPU 47 is listed twice", Failure(Hosts.A, Cores(47, 47)));

    [Fact]
    public void An_empty_list() =>
        Assert.StartsWith("weka_cores is empty", Failure(Hosts.A, Cores()));

    [Fact]
    public void More_cores_than_the_last_socket_has() =>
        Assert.Equal("weka_core_count: 25 cores asked, but the last socket (package 1) has only 24 cores WEKA may use (core 0 excluded)", Failure(Hosts.A, Count(25)));

    [Fact]
    public void More_cores_than_the_nics_numa_node_has_besides_core_0() =>
        Assert.Equal("weka_core_count: 24 cores asked, but NUMA node 0 of weka_nic 'ib1' has only 23 cores WEKA may use (core 0 excluded)", Failure(Hosts.A, Count(24, "ib1")));

    [Fact]
    public void A_count_below_one() =>
        Assert.Equal("weka_core_count must be at least 1, got 0", Failure(Hosts.A, Count(0)));

    [Fact]
    public void Both_weka_cores_and_weka_core_count() =>
        Assert.StartsWith("weka_cores and weka_core_count are mutually exclusive", Failure(Hosts.A, Cores(47) with { WekaCoreCount = 1 }));

    [Fact]
    public void Core_spec_count_style_when_slurm_would_take_other_cores() =>
        Assert.Equal("spec_style=core_spec_count: CoreSpecCount=2 would reserve OS CPUs 23,47,71,95, not WEKA's CPUs 46-47,94-95; use spec_style=cpu_spec_list (CpuSpecList=92-95)",
            Failure(Hosts.A, Count(2, style: SpecStyle.CoreSpecCount)));

    [Fact]
    public void Memory_that_leaves_nothing_for_jobs() =>
        Assert.StartsWith("weka_memory_mb + os_memory_mb = 1000 MiB leaves nothing for jobs: MemSpecLimit must be below RealMemory=1000",
            Failure(Hosts.A, Count(1) with { WekaMemoryMb = 900, OsMemoryMb = 100 }));

    [Fact]
    public void Negative_memory() =>
        Assert.Equal("os_memory_mb must not be negative, got -1", Failure(Hosts.A, Count(1) with { OsMemoryMb = -1 }));

    [Fact]
    public void A_core_slurmds_map_cannot_reach() =>
        Assert.StartsWith("Slurm's CPU numbering on this host cannot reserve exactly CPUs 6: CPUs 6 are beyond slurmd's CPU map 0-3", Failure(Hosts.SmtOff, Count(1)));
}
