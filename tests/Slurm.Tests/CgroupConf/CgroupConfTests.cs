using HpcWekaSlurm.Slurm.CgroupConf;
using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Versions;
using static HpcWekaSlurm.Slurm.Tests.Fixtures;
using static HpcWekaSlurm.Slurm.Tests.SlurmConf.PlannerHelpers;

namespace HpcWekaSlurm.Slurm.Tests.CgroupConf;

public class CgroupConfTests
{
    private static ConfPlan PlanDebian(VersionRules rules, CgroupMode hierarchy, params KeyValuePair<string, DesiredValue?>[] settings) =>
        CgroupConfPlanner.Plan(DebianExamples.Read("cgroup.conf.gz"), new CgroupConfRequest { Settings = settings, Hierarchy = hierarchy, Rules = rules });

    [Fact]
    public void On_23_11_and_later_CgroupAutomount_is_removed_from_the_file_with_a_warning()
    {
        var plan = PlanDebian(new VersionRules(SlurmVersion.TryParse("23.11.4")), CgroupMode.Legacy, Set("CgroupPlugin", "autodetect"));

        var after = Text(plan.After);
        Assert.DoesNotContain("\nCgroupAutomount=", after);
        Assert.Contains("# CgroupAutomount ####", after);
        Assert.Contains(plan.Warnings, w => w.StartsWith("CgroupAutomount is defunct since Slurm 23.11", StringComparison.Ordinal));
        Assert.Contains(new ConfChange("setting", null, "CgroupAutomount", "yes", null), plan.Changes);
    }

    [Fact]
    public void On_23_11_a_requested_CgroupAutomount_is_dropped_and_on_22_05_it_is_written()
    {
        var automount = new KeyValuePair<string, DesiredValue?>("CgroupAutomount", DesiredValue.Of(false));

        var newer = CgroupConfPlanner.Plan([], new CgroupConfRequest { Settings = [automount], Rules = Slurm2411 });
        var older = CgroupConfPlanner.Plan([], new CgroupConfRequest { Settings = [automount], Rules = Slurm2205 });

        Assert.Empty(newer.After);
        Assert.Contains(newer.Warnings, w => w.Contains("not written", StringComparison.Ordinal));
        Assert.Equal("CgroupAutomount=no\n", Text(older.After));
    }

    [Theory]
    [InlineData(CgroupMode.Hybrid)]
    [InlineData(CgroupMode.Legacy)]
    public void Cgroup_v2_is_refused_on_a_v1_or_hybrid_host(CgroupMode hierarchy)
    {
        var plan = PlanDebian(Slurm2205, hierarchy, Set("CgroupPlugin", "cgroup/v2"));

        Assert.Contains(plan.Errors, e => e.StartsWith("CgroupPlugin=cgroup/v2 cannot run on this host", StringComparison.Ordinal));
    }

    [Fact]
    public void Cgroup_v2_on_a_v2_host_and_autodetect_anywhere_are_fine()
    {
        Assert.Empty(PlanDebian(Slurm2411, CgroupMode.Unified, Set("CgroupPlugin", "cgroup/v2")).Errors);
        Assert.Empty(PlanDebian(Slurm2205, CgroupMode.Hybrid, Set("CgroupPlugin", "autodetect")).Errors);
    }

    [Fact]
    public void A_new_key_goes_after_the_last_setting_and_an_existing_one_changes_in_place()
    {
        var before = Text(DebianExamples.Read("cgroup.conf.gz"));

        var plan = PlanDebian(Slurm2205, CgroupMode.Hybrid, Set("CgroupPlugin", "autodetect"), Set("ConstrainRAMSpace", "no"));

        Assert.Equal(before.Replace("ConstrainRAMSpace=yes", "ConstrainRAMSpace=no", StringComparison.Ordinal) + "CgroupPlugin=autodetect\n", Text(plan.After));
    }

    [Fact]
    public void Changing_CgroupPlugin_restarts_slurmd_before_24_05_other_keys_need_reconfigure()
    {
        Assert.Equal(["slurmd"], PlanDebian(Slurm2205, CgroupMode.Hybrid, Set("CgroupPlugin", "cgroup/v1")).Restart.RestartRequired);
        Assert.True(PlanDebian(Slurm2205, CgroupMode.Hybrid, Set("ConstrainCores", "no")).Restart.ReconfigureSufficient);
        Assert.True(PlanDebian(Slurm2405, CgroupMode.Hybrid, Set("CgroupPlugin", "cgroup/v1")).Restart.ReconfigureSufficient);
    }

    [Fact]
    public void The_hierarchy_is_read_from_fixture_trees()
    {
        using var root = new TempTree();
        Assert.Equal(CgroupMode.Unknown, CgroupHierarchy.Detect(root.Path));

        root.File("cpuset/cgroup.clone_children");
        Assert.Equal(CgroupMode.Legacy, CgroupHierarchy.Detect(root.Path));

        root.File("unified/cgroup.controllers");
        Assert.Equal(CgroupMode.Hybrid, CgroupHierarchy.Detect(root.Path));

        using var v2 = new TempTree();
        v2.File("cgroup.controllers");
        Assert.Equal(CgroupMode.Unified, CgroupHierarchy.Detect(v2.Path));
    }

    [Fact]
    public void The_hierarchy_of_this_host_agrees_with_its_mount_table()
    {
        var mounts = File.ReadAllLines("/proc/self/mounts").Select(l => l.Split(' ')).ToList();
        var expected = mounts.Any(m => m[1] == "/sys/fs/cgroup" && m[2] == "cgroup2") ? CgroupMode.Unified
            : mounts.Any(m => m[2] == "cgroup") ? (mounts.Any(m => m[1] == "/sys/fs/cgroup/unified" && m[2] == "cgroup2") ? CgroupMode.Hybrid : CgroupMode.Legacy)
            : CgroupMode.Unknown;

        Assert.Equal(expected, CgroupHierarchy.Detect("/sys/fs/cgroup"));
    }
}
