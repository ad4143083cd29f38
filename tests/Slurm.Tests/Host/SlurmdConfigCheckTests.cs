using HpcWekaSlurm.Slurm.Host;

namespace HpcWekaSlurm.Slurm.Tests.Host;

/// <summary>slurmd -G on real candidates (the slurmd installed on this machine).</summary>
public class SlurmdConfigCheckTests
{
    internal const string Good =
        "ClusterName=check\nSlurmctldHost=ctl\nSelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nTaskPlugin=task/cgroup\n" +
        "NodeName=n1 CPUs=2 RealMemory=1000 CpuSpecList=1\nNodeName=n2 CPUs=2 RealMemory=1000\nPartitionName=p Nodes=ALL\n";

    private static string Slurmd => File.Exists("/usr/sbin/slurmd") ? "/usr/sbin/slurmd" : throw new InvalidOperationException("slurmd is not installed: apt-get install slurmd");

    private static SlurmdCheckResult Check(TempTree live, string replaced, string candidate, string node = "n1") =>
        SlurmdConfigCheck.Check(Processes.Run, Slurmd, live.Path, "slurm.conf", replaced, Fixtures.Bytes(candidate), node);

    [Fact]
    public void A_sound_candidate_passes()
    {
        using var live = new TempTree();
        live.File("slurm.conf", Good);

        var result = Check(live, "slurm.conf", Good.Replace("RealMemory=1000 CpuSpecList=1", "RealMemory=1000 CpuSpecList=0", StringComparison.Ordinal));

        Assert.True(result.Ran);
        Assert.True(result.Passed, string.Join("; ", result.Problems));
    }

    [Fact]
    public void Errors_slurmd_only_logs_with_rc_0_fail_the_candidate()
    {
        using var live = new TempTree();
        live.File("slurm.conf", Good);

        var result = Check(live, "slurm.conf", Good.Replace("NodeName=n2 CPUs=2 RealMemory=1000", "NodeName=n2 CPUs=2 RealMemory=1000 CpuSpecList=5", StringComparison.Ordinal));

        Assert.False(result.Passed);
        Assert.Contains(result.Problems, p => p.Contains("CpuSpecList=5", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_key_fails_the_candidate()
    {
        using var live = new TempTree();

        var result = Check(live, "slurm.conf", Good + "NoSuchKey=1\n");

        Assert.False(result.Passed);
        Assert.Contains(result.Problems, p => p.Contains("NoSuchKey", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_the_live_file_already_has_are_not_blamed_on_the_candidate()
    {
        using var live = new TempTree();
        var broken = Good.Replace("CpuSpecList=1", "CpuSpecList=1 CoreSpecCount=1", StringComparison.Ordinal);
        live.File("slurm.conf", broken);

        var result = Check(live, "slurm.conf", broken.Replace("ClusterName=check", "ClusterName=other", StringComparison.Ordinal));

        Assert.True(result.Passed, string.Join("; ", result.Problems));
        Assert.Contains("CoreSpecCount=1 is invalid with CPUSpecList", result.Note);
    }

    [Fact]
    public void Slurmd_failing_silently_on_the_live_files_and_the_candidate_is_not_validated_and_says_why()
    {
        using var live = new TempTree();
        live.File("slurm.conf", Good);
        // An unknown cgroup plugin makes slurmd -G exit 1 with its fatal logged to syslog only: nothing on stderr.
        live.File("cgroup.conf", "CgroupPlugin=cgroup/nosuch\n");

        var result = Check(live, "slurm.conf", Good.Replace("ClusterName=check", "ClusterName=other", StringComparison.Ordinal));

        Assert.False(result.Ran);
        Assert.False(result.Validated);
        Assert.True(result.Passed);
        Assert.Contains("fails on the current files too (exit 1, no output", result.Note);
    }

    [Fact]
    public void A_fatal_in_a_shared_file_stops_slurmd_before_the_candidate_so_it_is_not_validated()
    {
        using var live = new TempTree();
        live.File("slurm.conf", Good);
        live.File("cgroup.conf", "Bogus=1\n");

        var result = Check(live, "slurm.conf", Good.Replace("ClusterName=check", "ClusterName=other", StringComparison.Ordinal));

        Assert.False(result.Validated);
        Assert.Contains("Could not open/read/parse cgroup.conf", result.Note);
    }

    [Fact]
    public void A_gres_conf_candidate_that_stops_slurmd_fails_and_names_the_fatal()
    {
        using var live = new TempTree();
        live.File("slurm.conf", "GresTypes=gpu\n" + Good.Replace("NodeName=n1 CPUs=2 RealMemory=1000", "NodeName=n1 CPUs=2 RealMemory=1000 Gres=gpu:2", StringComparison.Ordinal));
        live.File("gres.conf", "NodeName=n1 Name=gpu Count=2\n");

        var result = Check(live, "gres.conf", "Bogus=1\n");

        Assert.True(result.Ran);
        Assert.False(result.Passed);
        Assert.Contains(result.Problems, p => p.Contains("fatal: error opening/reading " + Path.Combine(live.Path, "gres.conf"), StringComparison.Ordinal));
    }

    [Fact]
    public void A_gres_conf_candidate_is_checked_next_to_the_live_slurm_conf()
    {
        using var live = new TempTree();
        live.File("slurm.conf", "GresTypes=gpu\n" + Good.Replace("NodeName=n1 CPUs=2 RealMemory=1000", "NodeName=n1 CPUs=2 RealMemory=1000 Gres=gpu:2", StringComparison.Ordinal));

        var good = Check(live, "gres.conf", "NodeName=n1 Name=gpu Count=2\n");
        var bad = Check(live, "gres.conf", "NodeName=n1 Name=gpu File=/dev/null Count=2\n");

        Assert.True(good.Passed, string.Join("; ", good.Problems));
        Assert.False(bad.Passed);
        Assert.Contains(bad.Problems, p => p.Contains("count does not match File", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_node_to_check_as_the_check_is_skipped_and_says_why()
    {
        using var live = new TempTree();

        var result = Check(live, "slurm.conf", "ClusterName=x\nSlurmctldHost=ctl\n");

        Assert.False(result.Ran);
        Assert.Contains("defines no node", result.Note);
    }

    [Fact]
    public void The_hardware_line_of_slurmd_C_is_read()
    {
        var hardware = SlurmProbe.ParseHardware("NodeName=vm CPUs=2 Boards=1 SocketsPerBoard=1 CoresPerSocket=2 ThreadsPerCore=1 RealMemory=24105\nUpTime=0-00:48:57\n");

        Assert.Equal(new HpcWekaSlurm.Slurm.SlurmConf.NodeHardware(2, 24105), hardware);
    }
}
