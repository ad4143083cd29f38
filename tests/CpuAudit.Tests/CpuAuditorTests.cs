using HpcWekaSlurm.CpuAudit.Tests.Support;
using HpcWekaSlurm.TopologyFixtures;

namespace HpcWekaSlurm.CpuAudit.Tests;

/// <summary>
/// The audit on the guides' hosts (fixture trees generated from one description) with Slurm's view
/// from real captured scontrol outputs, and WEKA's CPUs as a live cgroup would give them.
/// </summary>
[Collection(AuditCollection.Name)]
public class CpuAuditorTests(HostTrees trees)
{
    private const string WekaCgroup = "/sys/fs/cgroup/cpuset/weka-client";

    private static LiveState Weka(params int[] cpus) => new()
    {
        WekaCpus = cpus,
        WekaSource = cpus.Length > 0 ? WekaCpuSource.Cgroup : WekaCpuSource.None,
        WekaCgroup = WekaCgroup,
    };

    private AuditReport Audit(HostDescription host, string captured, LiveState live) =>
        CpuAuditor.Audit(trees.Of(host).Topology, Captured.Node(captured), live);

    [Fact]
    public void Guide_interleaved_example_with_os_ids_overlaps_on_the_weka_cpus_and_names_the_right_cpu_spec_list()
    {
        var report = Audit(Hosts.B, Captured.GuideOsIds, Weka(56, 58, 60, 62));

        Assert.Equal([56, 58, 60, 62], report.Overlap);
        Assert.Equal([49, 53, 57, 61], report.SlurmReservedCpus);
        Assert.Equal("28-31", report.ExpectedCpuSpecList);
        Assert.True(report.HasOverlap);
        Assert.Equal(60, report.JobCpus.Count);
        Assert.Equal(
            "FAIL: WEKA's CPUs 56,58,60,62 are open to Slurm jobs on node cn7: CPUSpecList=56,58,60,62 reserves OS CPUs 49,53,57,61 only " +
            "(CpuSpecList takes Slurm's abstract CPU ids, and these look like the OS ids WEKA uses); set CpuSpecList=28-31 in cn7's node line",
            report.Verdict);
        Assert.Equal([49, 53, 57, 61], report.OverReserved);
    }

    [Fact]
    public void Guide_interleaved_example_with_abstract_ids_has_no_overlap()
    {
        var report = Audit(Hosts.B, Captured.GuideAbstractIds, Weka(56, 58, 60, 62));

        Assert.Empty(report.Overlap);
        Assert.Empty(report.OverReserved);
        Assert.Equal([56, 58, 60, 62], report.SlurmReservedCpus);
        Assert.DoesNotContain(56, report.JobCpus);
        Assert.Equal("28-31", report.ExpectedCpuSpecList);
        Assert.Equal($"OK: WEKA's CPUs 56,58,60,62 (cgroup {WekaCgroup}) are kept from Slurm jobs on node cn7 by CPUSpecList=28-31", report.Verdict);
        Assert.Empty(report.Warnings);
    }

    [Fact]
    public void Integration_guide_cpu_spec_list_47_95_keeps_core_47_but_loses_another_core_to_the_reservation()
    {
        var report = Audit(Hosts.A, Captured.A2CpuSpecList4795, Weka(47, 95));

        Assert.Empty(report.Overlap);
        Assert.Equal([23, 47, 71, 95], report.SlurmReservedCpus);
        Assert.Equal([23, 71], report.OverReserved);
        Assert.Equal("94-95", report.ExpectedCpuSpecList);
        Assert.Equal(92, report.JobCpus.Count);
        Assert.StartsWith($"OK: WEKA's CPUs 47,95 (cgroup {WekaCgroup}) are kept from Slurm jobs on node compute-node-0 by CPUSpecList=46-47,94-95; over-reserved: CPUs 23,71 also kept from jobs", report.Verdict);
        var warning = Assert.Single(report.Warnings);
        Assert.Equal("over-reserved: CPUSpecList=46-47,94-95 also keeps CPUs 23,71 from jobs, which are on no WEKA core (CpuSpecList=94-95 reserves WEKA's cores only; keep the extra cores only if the OS needs them)", warning);
    }

    [Fact]
    public void Core_spec_count_reserves_the_last_core_as_slurmd_picks_it()
    {
        var report = Audit(Hosts.A, Captured.A2CoreSpecCount1, Weka(47));

        Assert.Equal([47, 95], report.SlurmReservedCpus);
        Assert.Empty(report.Overlap);
        Assert.Empty(report.UnreservedSiblings);
        Assert.Empty(report.OverReserved);
    }

    [Fact]
    public void Core_spec_count_without_a_registered_cpu_list_is_mapped_from_the_count()
    {
        var node = ScontrolShowNode.Parse("NodeName=n1 CoresPerSocket=24 CPUTot=96 Sockets=2 Boards=1 CoreSpecCount=1 State=DOWN+NOT_RESPONDING ThreadsPerCore=2").Single();
        var report = CpuAuditor.Audit(trees.Of(Hosts.A).Topology, node, Weka(47));
        Assert.Equal([47, 95], report.SlurmReservedCpus);
        Assert.EndsWith("by CoreSpecCount=1", report.Verdict);
    }

    [Fact]
    public void Hyperthread_siblings_of_an_unreserved_weka_cpu_are_left_to_jobs()
    {
        var report = Audit(Hosts.A, Captured.A2NoSpec, Weka(47));

        Assert.Equal([47], report.Overlap);
        Assert.Equal([95], report.UnreservedSiblings);
        Assert.Empty(report.SlurmReservedCpus);
        Assert.Equal("94-95", report.ExpectedCpuSpecList);
        Assert.Equal(
            "FAIL: WEKA's CPU 47 is open to Slurm jobs on node compute-node-0, and so is hyperthread CPU 95 of WEKA's cores: " +
            "node compute-node-0 reserves no CPUs (no CPUSpecList or CoreSpecCount); set CpuSpecList=94-95 in compute-node-0's node line",
            report.Verdict);
    }

    [Fact]
    public void Without_weka_cpus_there_is_nothing_to_audit_and_a_warning_says_where_it_looked()
    {
        var live = Weka() with { Mounts = new WekaMounts([], PicksOwnCores: true, MemoryMb: null) };
        var report = Audit(Hosts.A, Captured.A2CoreSpecCount1, live);

        Assert.False(report.HasOverlap);
        Assert.Null(report.ExpectedCpuSpecList);
        Assert.Empty(report.OverReserved);
        Assert.Equal("NOTHING TO AUDIT: no WEKA CPUs found on node compute-node-0; Slurm reserves CPUs 47,95 (CPUSpecList=94-95)", report.Verdict);
        Assert.Equal($"no WEKA CPUs found: no cgroup {WekaCgroup} with CPUs, and no wekafs mount with core= (the wekafs mounts use num_cores=: WEKA picks its cores itself; pin them with core= to audit them)",
            Assert.Single(report.Warnings));
    }

    [Fact]
    public void A_report_of_another_layout_cannot_be_mapped_and_says_why()
    {
        var e = Assert.Throws<AuditException>(() => Audit(Hosts.A, Captured.GuideOsIds, Weka(47)));
        Assert.StartsWith("scontrol reports node cn7 with CPUTot=64 (this host: 96), CoresPerSocket=32 (this host: 24), ThreadsPerCore=1 (this host: 2): the output is not this host's", e.Message);
    }

    [Fact]
    public void Weka_cpus_that_are_not_online_are_refused()
    {
        var e = Assert.Throws<AuditException>(() => Audit(Hosts.B, Captured.GuideAbstractIds, Weka(62, 64, 70)));
        Assert.Equal($"WEKA's CPUs 64,70 (cgroup {WekaCgroup}) are not online on this host (online: 0-63)", e.Message);
    }

    [Fact]
    public void A_cpu_spec_list_outside_the_node_is_named()
    {
        var node = ScontrolShowNode.Parse("NodeName=cn7 CPUTot=64 CPUSpecList=60-70").Single();
        var e = Assert.Throws<AuditException>(() => CpuAuditor.Audit(trees.Of(Hosts.B).Topology, node, Weka(56)));
        Assert.Equal("scontrol output, node cn7: abstract CPU id 64 is outside this node's 0-63", e.Message);
    }

    [Theory]
    [InlineData(null, 1400L, null, "memory: no MemSpecLimit, so jobs may be given the 1400 MiB WEKA's client holds in hugepages (set MemSpecLimit to cover WEKA and the OS)")]
    [InlineData(500L, 1400L, null, "memory: MemSpecLimit=500 MiB is below the 1400 MiB WEKA's client holds in hugepages: jobs may be given 900 MiB of it (MemSpecLimit must cover WEKA and the OS)")]
    [InlineData(500L, 0L, 2000L, "memory: MemSpecLimit=500 MiB is below the 2000 MiB WEKA's client holds per the wekafs mount's memory_mb: jobs may be given 1500 MiB of it (MemSpecLimit must cover WEKA and the OS)")]
    public void Mem_spec_limit_below_wekas_memory_is_a_warning(long? memSpecLimit, long hugepages, long? mountMemory, string expected)
    {
        var node = ScontrolShowNode.Parse($"NodeName=cn7 CPUTot=64 CPUSpecList=28-31 RealMemory=64000{(memSpecLimit is { } m ? $" MemSpecLimit={m}" : string.Empty)}").Single();
        var live = Weka(56, 58, 60, 62) with { HugepagesMiB = hugepages, Mounts = new WekaMounts([], false, mountMemory) };
        var report = CpuAuditor.Audit(trees.Of(Hosts.B).Topology, node, live);

        Assert.Equal(expected, Assert.Single(report.Warnings));
        Assert.False(report.Memory.Ok);
        Assert.EndsWith($"; memory: MemSpecLimit {memSpecLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"} < WEKA's {report.Memory.WekaMemory} MiB", report.Verdict);
    }

    [Fact]
    public void Mem_spec_limit_covering_wekas_hugepages_is_fine_and_unknown_weka_memory_is_not_judged()
    {
        var node = ScontrolShowNode.Parse("NodeName=cn7 CPUTot=64 CPUSpecList=28-31 RealMemory=64000 MemSpecLimit=5000").Single();
        var covered = CpuAuditor.Audit(trees.Of(Hosts.B).Topology, node, Weka(56, 58, 60, 62) with { HugepagesMiB = 1400 });
        var unknown = CpuAuditor.Audit(trees.Of(Hosts.B).Topology, node, Weka(56, 58, 60, 62) with { HugepagesMiB = 0 });

        Assert.Equal((true, 0L, 1400L), (covered.Memory.Ok!.Value, covered.Memory.Shortfall!.Value, covered.Memory.WekaMemory!.Value));
        Assert.Null(unknown.Memory.Ok);
        Assert.Empty(covered.Warnings);
        Assert.Empty(unknown.Warnings);
    }

    [Fact]
    public void Slurmd_confined_to_the_reserved_weka_cpus_is_told_to_use_slurmd_off_spec()
    {
        var slurmd = new CgroupCpus("/sys/fs/cgroup/cpuset/slurm/system", [56, 58, 60, 62]);
        var report = Audit(Hosts.B, Captured.GuideAbstractIds, Weka(56, 58, 60, 62) with { Slurmd = slurmd });
        Assert.Equal("slurmd runs on WEKA's CPUs 56,58,60,62 (its cgroup /sys/fs/cgroup/cpuset/slurm/system holds the reserved CPUs): set TaskPluginParam=SlurmdOffSpec to keep Slurm's daemons off them",
            Assert.Single(report.Warnings));
    }

    [Fact]
    public void Slurmd_off_spec_keeps_slurmd_on_the_other_cpus_without_a_warning()
    {
        var host = trees.Of(Hosts.B);
        var others = host.Topology.OnlineCpus.Except([56, 58, 60, 62]).ToList();
        var report = Audit(Hosts.B, Captured.GuideAbstractIds, Weka(56, 58, 60, 62) with { Slurmd = new CgroupCpus("/sys/fs/cgroup/cpuset/slurm/system", others) });
        Assert.Empty(report.Warnings);
        Assert.Equal(others, report.JobCpus);
    }

    [Fact]
    public void Slurmd_holding_another_reservation_than_slurmctld_reports_needs_a_restart()
    {
        var report = Audit(Hosts.B, Captured.GuideAbstractIds, Weka(56, 58, 60, 62) with { Slurmd = new CgroupCpus("/sys/fs/cgroup/cpuset/slurm/system", [49, 53, 57, 61]) });
        Assert.Equal("slurmd's cgroup /sys/fs/cgroup/cpuset/slurm/system holds CPUs 49,53,57,61, neither the reserved CPUs 56,58,60,62 nor the others: " +
                     "slurmd applied another CPU reservation than slurmctld reports (restart slurmd after changing CpuSpecList)", Assert.Single(report.Warnings));
    }

    [Fact]
    public void What_the_live_reader_could_not_read_is_passed_on_as_warnings()
    {
        var report = Audit(Hosts.B, Captured.GuideAbstractIds, Weka(56, 58, 60, 62) with { Notes = ["WEKA's cgroup /x holds no CPUs"] });
        Assert.Equal(["WEKA's cgroup /x holds no CPUs"], report.Warnings);
    }

    [Fact]
    public void Weka_on_core_zero_is_a_warning_besides_the_overlap()
    {
        var report = Audit(Hosts.A, Captured.A2CoreSpecCount1, Weka(48));

        Assert.Equal([48], report.Overlap);
        Assert.Equal([0], report.UnreservedSiblings);
        Assert.Contains("WEKA is pinned to CPU 48 on physical core 0, where the kernel's housekeeping runs: give WEKA another core (wekafs core=, or its cgroup)", report.Warnings);
    }

    [Fact]
    public void On_a_host_with_cpus_outside_slurms_map_the_warnings_say_no_cpu_spec_list_can_reserve_them()
    {
        // SMT switched off at run time: online 0,2,4,6 but CPUs=4, so slurmd maps OS CPUs 0 and 2 only.
        var node = ScontrolShowNode.Parse("NodeName=n1 CPUTot=4 Sockets=1 CoresPerSocket=4 ThreadsPerCore=1").Single();
        var report = CpuAuditor.Audit(trees.Of(Hosts.SmtOff).Topology, node, Weka(6));

        Assert.Null(report.ExpectedCpuSpecList);
        Assert.DoesNotContain(6, report.JobCpus);
        Assert.Contains(report.Warnings, w => w.StartsWith("irregular topology: OS CPU 4 (abstract 2) is outside 0-3", StringComparison.Ordinal));
        Assert.Contains("no CpuSpecList can reserve WEKA's cores 6 on this host: OS CPU id 6 is outside this node's 0-3", report.Warnings);
    }
}
