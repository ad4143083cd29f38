using System.Text.Json.Nodes;
using static Weka.Tests.Mount.MountFixtures;

namespace Weka.Tests.Mount.EndToEnd;

/// <summary>
/// wekafs_mount end to end: the published binary run by the real ansible-playbook (connection
/// local) against a temp fstab and a fixture mountinfo, with TEST-ONLY mount/umount stand-ins that
/// record their arguments (the WEKA client cannot run here). The guide's example: core=47, net=ib0,
/// backend-host-0/fs1, mounted on a temp directory standing for /mnt/weka.
/// </summary>
public sealed class WekafsMountPlaybookTests : IClassFixture<WekafsMountBinary>, IDisposable
{
    private readonly WekafsMountBinary _module;
    private readonly string _root = Directory.CreateTempSubdirectory("wekafs-e2e-").FullName;

    public WekafsMountPlaybookTests(WekafsMountBinary module)
    {
        _module = module;
        File.WriteAllText(FstabPath, BaseFstab);
        File.WriteAllText(MountInfoPath, BaseMountInfo);
        StandIn = new RecordingMountStandIn(Path.Combine(_root, "bin"), MountInfoPath);
    }

    private string FstabPath => Path.Combine(_root, "fstab");

    private string MountInfoPath => Path.Combine(_root, "mountinfo");

    private string MountPoint => Path.Combine(_root, "mnt/weka");

    private RecordingMountStandIn StandIn { get; }

    private string GuideLine => $"backend-host-0/fs1 {MountPoint} wekafs core=47,net=ib0,x-systemd.after=weka-agent.service,x-systemd.mount-timeout=infinity,_netdev 0 0";

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>The guide's mount; <c>cores</c> comes from the node facts variable, as the docs show.</summary>
    private JsonObject GuideArgs(string state = "mounted") => new()
    {
        ["path"] = MountPoint,
        ["filesystem"] = "fs1",
        ["backends"] = new JsonArray("backend-host-0"),
        ["cores"] = "{{ slurm_node.weka_cores }}",
        ["net"] = new JsonArray("ib0"),
        ["state"] = state,
        ["fstab"] = FstabPath,
        ["mountinfo"] = MountInfoPath,
    };

    private (int ExitCode, JsonObject Result) Run(JsonObject args, params string[] flags) =>
        AnsiblePlaybook.RunTask(_root, _module.LibraryDir, "wekafs_mount", args, StandIn.Directory,
            new JsonObject { ["slurm_node"] = new JsonObject { ["weka_cores"] = new JsonArray(47) } }, flags);

    private void StartMounted()
    {
        File.WriteAllText(FstabPath, BaseFstab + GuideLine + "\n");
        File.AppendAllText(MountInfoPath, GuideMountLine.Replace("/mnt/weka", MountPoint));
        Directory.CreateDirectory(MountPoint);
    }

    [Fact]
    public void Guide_example_mounts_with_the_exact_arguments_and_writes_the_fstab_line_WithRecordingMountStandIn()
    {
        var (exit, result) = Run(GuideArgs());

        Assert.Equal(0, exit);
        Assert.True(result["changed"]!.GetValue<bool>(), result.ToJsonString());
        var call = Assert.Single(StandIn.Calls);
        Assert.Equal(["mount", "-t", "wekafs", "-o", "core=47,net=ib0", "backend-host-0/fs1", MountPoint], call);
        Assert.Equal(BaseFstab + GuideLine + "\n", File.ReadAllText(FstabPath));
        Assert.True(Directory.Exists(MountPoint));
        Assert.True(result["mounted"]!.GetValue<bool>());
        Assert.Equal("mount", result["mount_action"]!.GetValue<string>());
        Assert.Equal(GuideLine, result["fstab_line"]!.GetValue<string>());

        var (_, again) = Run(GuideArgs());
        Assert.False(again["changed"]!.GetValue<bool>(), again.ToJsonString());
        Assert.Single(StandIn.Calls);
    }

    [Fact]
    public void Present_writes_only_the_fstab_line_and_is_idempotent_WithRecordingMountStandIn()
    {
        var (_, first) = Run(GuideArgs("present"));
        Assert.True(first["changed"]!.GetValue<bool>(), first.ToJsonString());
        var written = File.ReadAllBytes(FstabPath);
        Assert.Equal(BaseFstab + GuideLine + "\n", System.Text.Encoding.UTF8.GetString(written));

        var (_, second) = Run(GuideArgs("present"));
        Assert.False(second["changed"]!.GetValue<bool>(), second.ToJsonString());
        Assert.Equal(written, File.ReadAllBytes(FstabPath));
        Assert.Empty(StandIn.Calls);
        Assert.False(Directory.Exists(MountPoint));
    }

    [Fact]
    public void Absent_unmounts_and_removes_the_line_then_changes_nothing_WithRecordingMountStandIn()
    {
        StartMounted();

        var (exit, result) = Run(new JsonObject { ["path"] = MountPoint, ["state"] = "absent", ["fstab"] = FstabPath, ["mountinfo"] = MountInfoPath });

        Assert.Equal(0, exit);
        Assert.True(result["changed"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(["umount", MountPoint], Assert.Single(StandIn.Calls));
        Assert.Equal(BaseFstab, File.ReadAllText(FstabPath));
        Assert.Equal(BaseMountInfo, File.ReadAllText(MountInfoPath));

        var (_, again) = Run(new JsonObject { ["path"] = MountPoint, ["state"] = "absent", ["fstab"] = FstabPath, ["mountinfo"] = MountInfoPath });
        Assert.False(again["changed"]!.GetValue<bool>());
        Assert.Single(StandIn.Calls);
    }

    [Fact]
    public void A_failing_mount_reports_its_message_and_exit_code_and_leaves_fstab_untouched_WithRecordingMountStandIn()
    {
        StandIn.FailMount(32, "mount.wekafs: error: failed to join the cluster through backend-host-0: Connection refused\n");

        var (exit, result) = Run(GuideArgs());

        Assert.NotEqual(0, exit);
        Assert.True(result["failed"]!.GetValue<bool>());
        var msg = result["msg"]!.GetValue<string>();
        Assert.Contains("exit code 32", msg);
        Assert.Contains("failed to join the cluster through backend-host-0: Connection refused", msg);
        Assert.Equal(32, result["rc"]!.GetValue<int>());
        Assert.Equal(BaseFstab, File.ReadAllText(FstabPath));
    }

    [Fact]
    public void A_hanging_mount_is_stopped_at_the_timeout_option_fails_naming_it_and_records_nothing_then_a_later_run_mounts_WithHangingMockMountStandIn()
    {
        StandIn.HangMount();
        var args = GuideArgs();
        args["timeout"] = 2;

        var (exit, result) = Run(args);

        Assert.NotEqual(0, exit);
        Assert.True(result["failed"]!.GetValue<bool>(), result.ToJsonString());
        var msg = result["msg"]!.GetValue<string>();
        Assert.StartsWith("option 'timeout': '", msg, StringComparison.Ordinal);
        Assert.Contains($"mount -t wekafs -o core=47,net=ib0 backend-host-0/fs1 {MountPoint}' did not finish within 2 s and was stopped (raise timeout to allow more time); fstab was not changed", msg);
        Assert.Null(result["mounted"]);
        Assert.Equal(BaseFstab, File.ReadAllText(FstabPath));
        Assert.Equal(BaseMountInfo, File.ReadAllText(MountInfoPath));
        var hung = Assert.Single(StandIn.HungProcesses);
        Assert.True(RecordingMountStandIn.HasStopped(hung), $"the mount stand-in's child {hung} still runs after the timeout");

        StandIn.StopHanging();
        var (_, retry) = Run(args);
        Assert.True(retry["changed"]!.GetValue<bool>(), retry.ToJsonString());
        Assert.Equal("mount", retry["mount_action"]!.GetValue<string>());
        Assert.Equal(BaseFstab + GuideLine + "\n", File.ReadAllText(FstabPath));
    }

    [Fact]
    public void A_hanging_umount_for_absent_is_stopped_at_the_timeout_option_and_keeps_the_fstab_line_and_the_mount_WithHangingMockUmountStandIn()
    {
        StartMounted();
        var mountInfo = File.ReadAllText(MountInfoPath);
        StandIn.HangUmount();

        var (exit, result) = Run(new JsonObject { ["path"] = MountPoint, ["state"] = "absent", ["timeout"] = 2, ["fstab"] = FstabPath, ["mountinfo"] = MountInfoPath });

        Assert.NotEqual(0, exit);
        var msg = result["msg"]!.GetValue<string>();
        Assert.StartsWith("option 'timeout': '", msg, StringComparison.Ordinal);
        Assert.Contains($"umount {MountPoint}' did not finish within 2 s and was stopped", msg);
        Assert.EndsWith("; fstab was not changed", msg, StringComparison.Ordinal);
        Assert.Equal(BaseFstab + GuideLine + "\n", File.ReadAllText(FstabPath));
        Assert.Equal(mountInfo, File.ReadAllText(MountInfoPath));
        var hung = Assert.Single(StandIn.HungProcesses);
        Assert.True(RecordingMountStandIn.HasStopped(hung), $"the umount stand-in's child {hung} still runs after the timeout");
    }

    [Fact]
    public void A_mount_that_exits_0_without_a_wekafs_mount_appearing_fails_WithRecordingMountStandIn()
    {
        StandIn.MountWithoutKernelEffect();

        var (_, result) = Run(GuideArgs());

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.Contains("shows no wekafs mount", result["msg"]!.GetValue<string>());
        Assert.Equal(BaseFstab, File.ReadAllText(FstabPath));
    }

    [Fact]
    public void Check_mode_reports_the_change_and_its_diff_and_touches_nothing_WithRecordingMountStandIn()
    {
        var (exit, result) = Run(GuideArgs(), "--check", "--diff");

        Assert.Equal(0, exit);
        Assert.True(result["changed"]!.GetValue<bool>());
        Assert.Empty(StandIn.Calls);
        Assert.Equal(BaseFstab, File.ReadAllText(FstabPath));
        Assert.False(Directory.Exists(MountPoint));
        var diffs = result["diff"]!.AsArray();
        Assert.Contains(diffs, d => d!["after"]!.GetValue<string>().Contains(GuideLine));
        Assert.Contains(diffs, d => d!["after_header"]!.GetValue<string>() == $"{MountPoint} (mount state)"
                                   && d["before"]!.GetValue<string>() == $"{MountPoint}: not mounted\n"
                                   && d["after"]!.GetValue<string>().StartsWith($"{MountPoint}: wekafs backend-host-0/fs1 (core=47,net=ib0)", StringComparison.Ordinal));
    }

    [Fact]
    public void Other_client_options_on_a_mounted_filesystem_report_remount_required_and_remounted_applies_them_WithRecordingMountStandIn()
    {
        StartMounted();
        var args = GuideArgs();
        args["cores"] = new JsonArray(46);

        var (_, result) = Run(args);

        Assert.True(result["remount_required"]!.GetValue<bool>(), result.ToJsonString());
        var difference = Assert.Single(result["differing_options"]!.AsArray())!;
        Assert.Equal(("core", "47", "46"), (difference["option"]!.GetValue<string>(), difference["mounted"]!.GetValue<string>(), difference["requested"]!.GetValue<string>()));
        Assert.Empty(StandIn.Calls);

        args["state"] = "remounted";
        var (_, remounted) = Run(args);
        Assert.True(remounted["changed"]!.GetValue<bool>(), remounted.ToJsonString());
        Assert.Equal(
            [["umount", MountPoint], ["mount", "-t", "wekafs", "-o", "core=46,net=ib0", "backend-host-0/fs1", MountPoint]],
            StandIn.Calls);
    }

    [Fact]
    public void A_mount_behind_a_symlinked_directory_is_found_under_its_real_path_WithRecordingMountStandIn()
    {
        StartMounted();
        var link = Path.Combine(_root, "link");
        File.CreateSymbolicLink(link, Path.GetDirectoryName(MountPoint)!);

        var (_, result) = Run(new JsonObject { ["path"] = Path.Combine(link, "weka"), ["state"] = "unmounted", ["fstab"] = FstabPath, ["mountinfo"] = MountInfoPath });

        Assert.True(result["changed"]!.GetValue<bool>(), result.ToJsonString());
        Assert.Equal(["umount", MountPoint], Assert.Single(StandIn.Calls));
        Assert.Equal(BaseFstab + GuideLine + "\n", File.ReadAllText(FstabPath));
    }

    [Theory]
    [InlineData("""{"cores": [0]}""", "option 'cores': core 0 is not allowed")]
    [InlineData("""{"cores": [47, 47]}""", "option 'cores': core 47 is listed more than once")]
    [InlineData("""{"num_cores": 1}""", "option 'cores': 'cores' and 'num_cores' are mutually exclusive")]
    [InlineData("""{"backends": []}""", "option 'backends': the list is empty")]
    [InlineData("""{"mode": "udp"}""", "option 'cores': UDP mode uses no dedicated cores")]
    [InlineData("""{"net": ["ib0/10.0.0.5"]}""", "option 'net': 'ib0/10.0.0.5'")]
    [InlineData("""{"state": "gone"}""", "value of state must be one of: mounted, present, unmounted, absent, remounted")]
    [InlineData("""{"core": 47}""", "Unsupported parameters for (wekafs_mount) module: core")]
    [InlineData("""{"timeout": 0}""", "option 'timeout': must be from 1 to 86400")]
    public void Bad_input_fails_naming_the_option_and_changes_nothing(string overrides, string expected)
    {
        var args = GuideArgs();
        foreach (var (key, value) in JsonNode.Parse(overrides)!.AsObject())
        {
            args[key] = value?.DeepClone();
        }

        var (exit, result) = Run(args);

        Assert.NotEqual(0, exit);
        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.Contains(expected, result["msg"]!.GetValue<string>());
        Assert.Empty(StandIn.Calls);
        Assert.Equal(BaseFstab, File.ReadAllText(FstabPath));
    }

    [Fact]
    public void A_mount_point_that_is_a_file_fails_naming_the_path()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(MountPoint)!);
        File.WriteAllText(MountPoint, "not a directory");

        var (_, result) = Run(GuideArgs());

        Assert.True(result["failed"]!.GetValue<bool>());
        Assert.Contains("option 'path'", result["msg"]!.GetValue<string>());
        Assert.Contains("is not a directory", result["msg"]!.GetValue<string>());
        Assert.Empty(StandIn.Calls);
    }
}
