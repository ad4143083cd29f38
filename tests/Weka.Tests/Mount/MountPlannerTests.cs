using HpcWekaSlurm.Weka.Mount;
using static Weka.Tests.Mount.MountFixtures;

namespace Weka.Tests.Mount;

public class MountPlannerTests
{
    private const string Mounted = BaseMountInfo + GuideMountLine;

    private static MountPlan Plan(WekaMountRequest request, string fstab, string mountInfo, MountPointKind kind = MountPointKind.Directory, string? resolved = null) =>
        MountPlanner.Plan(request, Host(fstab, mountInfo, kind, resolved));

    [Fact]
    public void Not_mounted_and_not_in_fstab_mounts_with_the_guides_arguments_and_appends_the_line()
    {
        var plan = Plan(Guide(), BaseFstab, BaseMountInfo);
        Assert.Equal(MountAction.Mount, plan.Action);
        Assert.Equal(["-t", "wekafs", "-o", "core=47,net=ib0", "backend-host-0/fs1", "/mnt/weka"], plan.MountArguments);
        Assert.Equal(BaseFstab + GuideFstabLine + "\n", Text(plan.FstabAfter));
        Assert.False(plan.RemountRequired);
        Assert.True(plan.MountedAfter);
        Assert.Equal("/mnt/weka: not mounted", plan.StateBefore);
        Assert.Equal("/mnt/weka: wekafs backend-host-0/fs1 (core=47,net=ib0)", plan.StateAfter);
    }

    [Theory]
    [InlineData(600, 600)]
    [InlineData(900, 600)]
    public void A_client_join_timeout_not_below_the_timeout_option_is_warned_about_when_mounting(long join, long timeout)
    {
        var request = Guide(options: new WekaMountOptions { Cores = [47], Net = ["ib0"], Extra = [$"join_timeout_secs={join}"] }) with { TimeoutSeconds = timeout };

        var plan = Plan(request, BaseFstab, BaseMountInfo);

        Assert.Contains(plan.Warnings, w => w.StartsWith($"options: join_timeout_secs={join} lets the client try to join the cluster for as long as or longer than timeout ({timeout} s)", StringComparison.Ordinal));
    }

    [Fact]
    public void A_client_join_timeout_below_the_timeout_option_or_no_mount_is_not_warned_about()
    {
        var request = Guide(options: new WekaMountOptions { Cores = [47], Net = ["ib0"], Extra = ["join_timeout_secs=900"] });

        Assert.Empty(Plan(request with { TimeoutSeconds = 1200 }, BaseFstab, BaseMountInfo).Warnings);
        Assert.Empty(Plan(request with { State = MountStateRequest.Present }, BaseFstab, BaseMountInfo).Warnings);
    }

    [Fact]
    public void Mounted_and_in_fstab_with_the_same_options_changes_nothing()
    {
        var plan = Plan(Guide(), BaseFstab + GuideFstabLine + "\n", Mounted);
        Assert.Equal(MountAction.None, plan.Action);
        Assert.False(plan.FstabChanged);
        Assert.False(plan.Changed);
        Assert.Empty(plan.Differences);
    }

    [Fact]
    public void The_same_options_in_another_order_are_not_rewritten()
    {
        var reordered = "backend-host-0/fs1  /mnt/weka  wekafs  net=ib0,_netdev,core=47,x-systemd.mount-timeout=infinity,x-systemd.after=weka-agent.service  0  0\n";
        Assert.False(Plan(Guide(), reordered, Mounted).FstabChanged);
    }

    [Fact]
    public void A_missing_mount_point_is_created_before_mounting()
    {
        Assert.True(Plan(Guide(), BaseFstab, BaseMountInfo, MountPointKind.Missing).CreateMountPoint);
        Assert.False(Plan(Guide(MountStateRequest.Present), BaseFstab, BaseMountInfo, MountPointKind.Missing).CreateMountPoint);
    }

    [Fact]
    public void A_mount_point_that_is_a_file_is_an_error()
    {
        var e = Assert.Throws<InvalidMountRequestException>(() => Plan(Guide(), BaseFstab, BaseMountInfo, MountPointKind.NotDirectory));
        Assert.Equal("path", Assert.Single(e.Errors).Option);
        Assert.Contains("is not a directory", e.Message);
    }

    [Fact]
    public void Invalid_requests_are_refused_before_anything_is_planned()
    {
        var e = Assert.Throws<InvalidMountRequestException>(() =>
            Plan(Guide(options: new WekaMountOptions { Cores = [0] }), BaseFstab, BaseMountInfo));
        Assert.Equal("cores", Assert.Single(e.Errors).Option);
    }

    [Fact]
    public void Mounted_with_other_mountinfo_options_reports_remount_required_and_does_not_remount()
    {
        var request = Guide(options: new WekaMountOptions { Cores = [47], Net = ["ib0"], ReadCache = true, ReadOnly = true, Extra = ["readahead_kb=65536"] });
        var plan = Plan(request, BaseFstab, Mounted);
        Assert.Equal(MountAction.None, plan.Action);
        Assert.True(plan.RemountRequired);
        Assert.Contains(new OptionDifference("ro/rw", "rw", "ro", "mountinfo"), plan.Differences);
        Assert.Contains(new OptionDifference("cache mode", "writecache", "readcache", "mountinfo"), plan.Differences);
        Assert.Contains(new OptionDifference("readahead_kb", "32768", "65536", "mountinfo"), plan.Differences);
        Assert.Contains(plan.Warnings, w => w.Contains("state: remounted"));
        Assert.True(plan.FstabChanged);
    }

    [Fact]
    public void Client_options_the_kernel_does_not_report_are_compared_with_the_previous_fstab_line()
    {
        var plan = Plan(Guide(options: new WekaMountOptions { Cores = [46], Net = ["ib0"] }), BaseFstab + GuideFstabLine + "\n", Mounted);
        Assert.True(plan.RemountRequired);
        Assert.Equal([new OptionDifference("core", "47", "46", "fstab")], plan.Differences);
        Assert.Contains("core=46,net=ib0", Text(plan.FstabAfter));
    }

    [Fact]
    public void Replacing_cores_with_num_cores_names_both_options()
    {
        var plan = Plan(Guide(options: new WekaMountOptions { NumCores = 1, Net = ["ib0"] }), GuideFstabLine + "\n", Mounted);
        Assert.Equal(
            [new OptionDifference("num_cores", null, "1", "fstab"), new OptionDifference("core", "47", null, "fstab")],
            plan.Differences);
    }

    [Fact]
    public void Changing_only_systemd_options_needs_no_remount()
    {
        var plan = Plan(Guide(options: new WekaMountOptions { Cores = [47], Net = ["ib0"], SystemdOptions = ["_netdev"] }), GuideFstabLine + "\n", Mounted);
        Assert.True(plan.FstabChanged);
        Assert.False(plan.RemountRequired);
    }

    [Fact]
    public void Without_a_previous_fstab_line_unreported_client_options_are_not_guessed()
    {
        var plan = Plan(Guide(options: new WekaMountOptions { Cores = [46], Net = ["ib0"] }), BaseFstab, Mounted);
        Assert.False(plan.RemountRequired);
        Assert.Empty(plan.Differences);
    }

    [Fact]
    public void Core_options_reported_by_mountinfo_win_over_fstab()
    {
        var mountInfo = BaseMountInfo + "120 27 0:52 / /mnt/weka rw,relatime - wekafs backend-host-0/fs1 rw,core=45,net=ib0\n";
        var plan = Plan(Guide(), GuideFstabLine + "\n", mountInfo);
        Assert.Equal([new OptionDifference("core", "45", "47", "mountinfo")], plan.Differences);
    }

    [Fact]
    public void Another_filesystem_name_on_the_path_is_a_difference()
    {
        var plan = Plan(Guide(), GuideFstabLine + "\n", Mounted.Replace("backend-host-0/fs1", "10.0.0.9/fs0"));
        Assert.Contains(new OptionDifference("filesystem", "fs0", "fs1", "mountinfo"), plan.Differences);
    }

    [Fact]
    public void Mountinfo_listing_one_backend_of_several_is_the_same_filesystem()
    {
        var request = Guide() with { Backends = ["backend-host-0", "backend-host-1"] };
        var plan = Plan(request, BaseFstab, Mounted.Replace("backend-host-0/fs1", "10.108.97.126/fs1"));
        Assert.Empty(plan.Differences);
    }

    [Fact]
    public void Another_filesystem_type_on_the_path_stops_mounted_with_a_clear_error()
    {
        var nfs = BaseMountInfo + "125 27 0:40 / /mnt/weka rw,relatime - nfs4 nas:/export rw\n";
        var e = Assert.Throws<InvalidMountRequestException>(() => Plan(Guide(), BaseFstab, nfs));
        Assert.Contains("already has a nfs4 filesystem mounted (nas:/export)", e.Message);
    }

    [Fact]
    public void Another_filesystem_type_on_the_path_is_left_alone_by_absent()
    {
        var nfs = BaseMountInfo + "125 27 0:40 / /mnt/weka rw,relatime - nfs4 nas:/export rw\n";
        var plan = Plan(Guide(MountStateRequest.Absent), BaseFstab + GuideFstabLine + "\n", nfs);
        Assert.Equal(MountAction.None, plan.Action);
        Assert.Equal(BaseFstab, Text(plan.FstabAfter));
        Assert.Contains(plan.Warnings, w => w.Contains("nfs4") && w.Contains("left alone"));
    }

    [Fact]
    public void Present_writes_fstab_and_leaves_an_unmounted_path_unmounted()
    {
        var plan = Plan(Guide(MountStateRequest.Present), BaseFstab, BaseMountInfo);
        Assert.Equal(MountAction.None, plan.Action);
        Assert.False(plan.MountedAfter);
        Assert.Equal(BaseFstab + GuideFstabLine + "\n", Text(plan.FstabAfter));
    }

    [Fact]
    public void Present_is_idempotent()
    {
        var first = Plan(Guide(MountStateRequest.Present), BaseFstab, BaseMountInfo);
        var second = Plan(Guide(MountStateRequest.Present), Text(first.FstabAfter), BaseMountInfo);
        Assert.False(second.Changed);
    }

    [Fact]
    public void Unmounted_unmounts_and_keeps_fstab()
    {
        var fstab = BaseFstab + GuideFstabLine + "\n";
        var plan = Plan(Guide(MountStateRequest.Unmounted), fstab, Mounted);
        Assert.Equal(MountAction.Unmount, plan.Action);
        Assert.Equal("/mnt/weka", plan.UnmountTarget);
        Assert.Equal(1, plan.UnmountCount);
        Assert.False(plan.FstabChanged);
        Assert.False(plan.MountedAfter);
    }

    [Fact]
    public void Absent_unmounts_and_removes_only_the_wekafs_line()
    {
        var plan = Plan(new WekaMountRequest { Path = "/mnt/weka", State = MountStateRequest.Absent }, BaseFstab + GuideFstabLine + "\n# end\n", Mounted);
        Assert.Equal(MountAction.Unmount, plan.Action);
        Assert.Equal(BaseFstab + "# end\n", Text(plan.FstabAfter));
        Assert.Null(plan.Entry);
    }

    [Fact]
    public void Absent_when_nothing_is_there_changes_nothing()
    {
        var plan = Plan(new WekaMountRequest { Path = "/mnt/weka", State = MountStateRequest.Absent }, BaseFstab, BaseMountInfo);
        Assert.False(plan.Changed);
    }

    [Fact]
    public void Absent_with_wekafs_mounted_twice_unmounts_twice()
    {
        var twice = Mounted + GuideMountLine.Replace("120 27", "121 120");
        Assert.Equal(2, Plan(Guide(MountStateRequest.Absent), BaseFstab, twice).UnmountCount);
    }

    [Fact]
    public void Remounted_unmounts_and_mounts_with_the_new_options()
    {
        var plan = Plan(Guide(MountStateRequest.Remounted, new WekaMountOptions { Cores = [46], Net = ["ib0"] }), GuideFstabLine + "\n", Mounted);
        Assert.Equal(MountAction.Remount, plan.Action);
        Assert.Equal(1, plan.UnmountCount);
        Assert.Equal("core=46,net=ib0", plan.MountArguments[3]);
        Assert.False(plan.RemountRequired);
        Assert.Single(plan.Differences);
    }

    [Fact]
    public void Remounted_warns_that_other_wekafs_mounts_keep_the_client_running()
    {
        var mountInfo = Mounted + "122 27 0:54 / /mnt/scratch rw,relatime - wekafs backend-host-0/scratch rw\n";
        var plan = Plan(Guide(MountStateRequest.Remounted), BaseFstab, mountInfo);
        Assert.Contains(plan.Warnings, w => w.Contains("/mnt/scratch") && w.Contains("client restarts"));
    }

    [Fact]
    public void Remounted_when_not_mounted_just_mounts()
    {
        Assert.Equal(MountAction.Mount, Plan(Guide(MountStateRequest.Remounted), BaseFstab, BaseMountInfo).Action);
    }

    [Fact]
    public void The_existing_line_is_edited_in_place_keeping_every_other_byte()
    {
        var fstab = BaseFstab + "# WEKA\nold-backend/fs1\t/mnt/weka\twekafs\tnum_cores=1\t0\t0\n/dev/vdc1 /scratch ext4 defaults 0 2";
        var plan = Plan(Guide(MountStateRequest.Present), fstab, BaseMountInfo);
        Assert.Equal(
            BaseFstab + "# WEKA\nbackend-host-0/fs1\t/mnt/weka\twekafs\tcore=47,net=ib0,x-systemd.after=weka-agent.service,x-systemd.mount-timeout=infinity,_netdev\t0\t0\n/dev/vdc1 /scratch ext4 defaults 0 2",
            Text(plan.FstabAfter));
    }

    [Fact]
    public void Duplicate_fstab_entries_for_the_path_are_reported_and_the_first_managed()
    {
        var fstab = GuideFstabLine + "\n" + "b9/fs9 /mnt/weka wekafs num_cores=1 0 0\n";
        var plan = Plan(Guide(MountStateRequest.Present), fstab, BaseMountInfo);
        Assert.False(plan.FstabChanged);
        Assert.Contains(plan.Warnings, w => w.Contains("lines 1, 2"));
    }

    [Fact]
    public void A_missing_fstab_gets_just_the_entry()
    {
        var plan = MountPlanner.Plan(Guide(MountStateRequest.Present), new MountHostState(null, MountInfoTable.Parse(BaseMountInfo), MountPointKind.Directory));
        Assert.Equal(GuideFstabLine + "\n", Text(plan.FstabAfter));
    }

    [Fact]
    public void A_mount_behind_a_symlinked_path_is_found_under_its_real_path()
    {
        var plan = Plan(Guide(), GuideFstabLine + "\n", Mounted.Replace("/mnt/weka", "/data/weka"), resolved: "/data/weka");
        Assert.Equal(MountAction.None, plan.Action);
        Assert.Equal("/data/weka", plan.UnmountTarget);
    }

    [Fact]
    public void Udp_mode_mounts_with_net_udp()
    {
        var plan = Plan(Guide(options: new WekaMountOptions { Mode = WekaNetworkMode.Udp, NumCores = 0 }), BaseFstab, BaseMountInfo);
        Assert.Equal("num_cores=0,net=udp", plan.MountArguments[3]);
    }

    [Fact]
    public void No_options_leaves_out_dash_o()
    {
        var plan = Plan(new WekaMountRequest { Path = "/mnt/weka", Filesystem = "fs1", Options = new WekaMountOptions { SystemdOptions = [] } }, BaseFstab, BaseMountInfo);
        Assert.Equal(["-t", "wekafs", "fs1", "/mnt/weka"], plan.MountArguments);
        Assert.EndsWith("fs1 /mnt/weka wekafs defaults 0 0\n", Text(plan.FstabAfter));
    }
}
