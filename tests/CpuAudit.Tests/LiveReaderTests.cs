using HpcWekaSlurm.CpuAudit.Tests.Support;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.CpuAudit.Tests;

/// <summary>Reading the live state from a host tree: cgroups of both versions, wekafs mounts, meminfo.</summary>
public sealed class LiveReaderTests : IDisposable
{
    private readonly LiveTree _tree;
    private readonly TopologyFixtures.TempDir _dir;

    public LiveReaderTests() => (_tree, _dir) = LiveTree.Scratch();

    public void Dispose() => _dir.Dispose();

    private LiveState Read(string cgroup = "weka-client", string node = "cn7") => new LiveReader(_tree.Root).Read(cgroup, node);

    private string Full(string path) => Path.Join(_tree.Root, path);

    [Fact]
    public void Cgroup_v1_weka_client_cpuset_gives_the_effective_cpus()
    {
        _tree.Mounts(LiveTree.CpusetV1, LiveTree.HybridUnified, LiveTree.Wekafs("core=3")).V1("weka-client", "47,95");
        var live = Read();

        Assert.Equal([47, 95], live.WekaCpus);
        Assert.Equal(WekaCpuSource.Cgroup, live.WekaSource);
        Assert.Equal(Full("/sys/fs/cgroup/cpuset/weka-client"), live.WekaCgroup);
        Assert.Empty(live.Notes);
    }

    [Fact]
    public void Cgroup_v1_without_an_effective_file_falls_back_to_cpuset_cpus()
    {
        _tree.Mounts(LiveTree.CpusetV1).V1("weka-client", "5-6", effective: false);
        Assert.Equal([5, 6], Read().WekaCpus);
    }

    [Fact]
    public void Cgroup_v2_with_the_cpuset_controller_is_read_at_the_configured_path()
    {
        _tree.Mounts(LiveTree.UnifiedV2).V2Controllers("cpuset cpu io memory pids").V2("weka.slice/weka-client", "", "2-3");
        var live = Read("weka.slice/weka-client");

        Assert.Equal([2, 3], live.WekaCpus);
        Assert.Equal(Full("/sys/fs/cgroup/weka.slice/weka-client"), live.WekaCgroup);
    }

    [Fact]
    public void A_cgroup_v2_hierarchy_without_cpuset_is_no_cpuset_hierarchy()
    {
        _tree.Mounts(LiveTree.UnifiedV2, LiveTree.Wekafs("core=7,net=ib0")).V2Controllers("cpu io memory pids").V2("weka-client", "1", "1");
        var live = Read();

        Assert.Equal(WekaCpuSource.MountOptions, live.WekaSource);
        Assert.Equal([7], live.WekaCpus);
        Assert.Null(live.WekaCgroup);
        Assert.Equal([$"no cgroup hierarchy with the cpuset controller is mounted (per {Full("/proc/self/mountinfo")})"], live.Notes);
    }

    [Fact]
    public void Without_a_weka_cgroup_the_core_options_of_every_wekafs_mount_are_taken_with_their_memory()
    {
        _tree.Mounts(LiveTree.CpusetV1, LiveTree.Wekafs("core=47,core=95,net=ib0,memory_mb=1400"), LiveTree.Wekafs("core=46,memory_mb=2000", "/mnt/weka2"));
        var live = Read();

        Assert.Equal([46, 47, 95], live.WekaCpus);
        Assert.Equal(WekaCpuSource.MountOptions, live.WekaSource);
        Assert.Equal((false, 2000L), (live.Mounts.PicksOwnCores, live.Mounts.MemoryMb));
    }

    [Fact]
    public void An_empty_weka_cgroup_is_noted_and_the_mounts_are_used()
    {
        _tree.Mounts(LiveTree.CpusetV1, LiveTree.Wekafs("core=9")).V1("weka-client", "");
        var live = Read();

        Assert.Equal([9], live.WekaCpus);
        Assert.Equal([$"WEKA's cgroup {Full("/sys/fs/cgroup/cpuset/weka-client")} holds no CPUs"], live.Notes);
    }

    [Fact]
    public void Num_cores_mounts_let_weka_pick_its_cores_and_nothing_is_found()
    {
        _tree.Mounts(LiveTree.CpusetV1, LiveTree.Wekafs("num_cores=2,net=ib0"));
        var live = Read();

        Assert.Equal(WekaCpuSource.None, live.WekaSource);
        Assert.Empty(live.WekaCpus);
        Assert.True(live.Mounts.PicksOwnCores);
    }

    [Fact]
    public void Slurmd_cgroup_v1_prefers_the_node_named_one_of_multiple_slurmd_builds()
    {
        _tree.Mounts(LiveTree.CpusetV1).V1("slurm/system", "0").V1("slurm_cn7/system", "1");
        var multiple = Read(node: "cn7").Slurmd!;
        var single = Read(node: "cn8").Slurmd!;
        Assert.Equal((Full("/sys/fs/cgroup/cpuset/slurm_cn7/system"), "1"), (multiple.Path, CpuList.Format(multiple.Cpus)));
        Assert.Equal((Full("/sys/fs/cgroup/cpuset/slurm/system"), "0"), (single.Path, CpuList.Format(single.Cpus)));
    }

    [Fact]
    public void Slurmd_cgroup_v2_is_its_units_cgroup_and_an_unset_cpuset_holds_no_cpus()
    {
        _tree.Mounts(LiveTree.UnifiedV2).V2Controllers("cpuset").V2("system.slice/slurmd.service", "", "0-63");
        var slurmd = Read().Slurmd!;
        Assert.Equal(Full("/sys/fs/cgroup/system.slice/slurmd.service"), slurmd.Path);
        Assert.Empty(slurmd.Cpus);
    }

    [Fact]
    public void No_slurm_cgroup_means_no_slurmd_cpus()
    {
        _tree.Mounts(LiveTree.CpusetV1);
        Assert.Null(Read().Slurmd);
    }

    [Theory]
    [InlineData("MemTotal:       1024000 kB\nHugePages_Total:     700\nHugepagesize:       2048 kB\nHugetlb:         2481152 kB\n", 2423L)]
    [InlineData("MemTotal:       1024000 kB\nHugePages_Total:     700\nHugepagesize:       2048 kB\n", 1400L)]
    [InlineData("MemTotal:       1024000 kB\n", null)]
    public void Hugepages_are_read_from_meminfo(string meminfo, long? expected)
    {
        _tree.Mounts().Meminfo(meminfo);
        Assert.Equal(expected, Read().HugepagesMiB);
    }

    [Fact]
    public void A_tree_without_mountinfo_is_read_with_a_note()
    {
        var live = Read();
        Assert.Equal(WekaCpuSource.None, live.WekaSource);
        Assert.Equal([$"{Full("/proc/self/mountinfo")} does not exist: no cgroup and no wekafs mount can be read"], live.Notes);
    }

    [Theory]
    [InlineData("")]
    [InlineData("/weka-client")]
    [InlineData("../../etc")]
    [InlineData("weka//client")]
    [InlineData("a/./b")]
    public void A_cgroup_name_outside_the_hierarchy_is_refused(string cgroup)
    {
        var e = Assert.Throws<AuditException>(() => LiveReader.CheckCgroupName(cgroup));
        Assert.StartsWith($"'{cgroup}' is not a cgroup path below the cpuset hierarchy's root", e.Message);
    }

    [Theory]
    [InlineData("core=x", "a wekafs mount in mountinfo has core=x, which is not a number")]
    [InlineData("core=70000", "a wekafs mount in mountinfo has core=70000, above the largest CPU id 65535")]
    public void Bad_core_options_are_named(string options, string expected)
    {
        _tree.Mounts(LiveTree.Wekafs(options));
        Assert.Equal(expected, Assert.Throws<AuditException>(() => Read()).Message);
    }

    [Fact]
    public void A_malformed_mountinfo_line_is_named()
    {
        _tree.Put("proc/self/mountinfo", "garbage\n");
        Assert.StartsWith($"{Full("/proc/self/mountinfo")}: line 1 is not a mountinfo line", Assert.Throws<AuditException>(() => Read()).Message);
    }
}
