using System.Text.Json.Nodes;
using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Integration.Tests;

public sealed class WekafsMountCluster : ClusterFixture
{
    protected override ClusterOptions Options => new() { Nodes = [new NodeSpec("compute-0", "slurm_compute")] };
}

/// <summary>
/// hpc.weka_slurm.wekafs_mount through ansible-playbook on a container, with the REAL util-linux
/// <c>mount -t wekafs</c> and the container's real /etc/fstab. The WEKA client cannot run here, so
/// TEST-ONLY stand-ins take its place: <c>/sbin/mount.wekafs</c> (the helper util-linux execs)
/// records the argument vector mount gives it and exits with a chosen code; on success it appends
/// the wekafs line the kernel would show to a stand-in mountinfo seeded from the container's own
/// /proc/self/mountinfo, which the module reads through its documented <c>mountinfo</c> option.
/// A <c>umount</c> stand-in comes first on the task's PATH, because the real umount refuses a path
/// the kernel does not show mounted. The module's mount detection is the product's, unchanged.
/// Told to hang, the helper stand-in is a mock of a mount that waits on unreachable backends: it
/// sleeps in a child process until it is killed.
/// </summary>
public sealed class WekafsMountClusterTests(WekafsMountCluster fixture) : IClassFixture<WekafsMountCluster>
{
    private const string Node = "compute-0";
    private const string StandInDir = "/var/lib/wekafs-standin";
    private const string StandInBin = "/opt/wekafs-standin/bin";
    private const string MountInfo = StandInDir + "/mountinfo";
    private const string Calls = StandInDir + "/calls";
    private const string TaskName = "Mount the WEKA filesystem";

    /// <summary>The guide's fstab line with the module's default systemd options.</summary>
    private const string GuideLine =
        "backend-host-0/fs1 /mnt/weka wekafs core=47,net=ib0,x-systemd.after=weka-agent.service,x-systemd.mount-timeout=infinity,_netdev 0 0";

    /// <summary>What util-linux 2.38 (bookworm) execs for the guide's mount: source, target, then -o with "rw," prepended.</summary>
    private static readonly string[] GuideHelperCall = ["/sbin/mount.wekafs", "backend-host-0/fs1", "/mnt/weka", "-o", "rw,core=47,net=ib0"];

    private Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Guide_example_mounts_through_real_mount_with_the_exact_helper_arguments_writes_fstab_and_a_second_run_changes_nothing_WithRecordingMountWekafsHelperStandIn()
    {
        var original = await Reset();

        var first = await Run(GuideTask());
        var second = await Run(GuideTask());

        Assert.True(first.Succeeded, first.ToString());
        var result = first.TaskResults(TaskName)[Node];
        Assert.True((bool?)result["changed"], result.ToJsonString());
        Assert.Equal("mount", (string?)result["mount_action"]);
        Assert.Equal(GuideLine, (string?)result["fstab_line"]);
        Assert.Equal([GuideHelperCall], await RecordedCalls());
        Assert.Equal(original + GuideLine + "\n", await Fstab());
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, second.Changed);
        Assert.Single(await RecordedCalls());
    }

    [Fact]
    public async Task Present_writes_only_the_fstab_line_and_is_idempotent_WithRecordingMountWekafsHelperStandIn()
    {
        var original = await Reset();

        var first = await Run(GuideTask("present"));
        var afterFirst = await Fstab();
        var second = await Run(GuideTask("present"));

        Assert.True(first.Succeeded, first.ToString());
        Assert.Equal(1, first.Changed);
        Assert.Equal(original + GuideLine + "\n", afterFirst);
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, second.Changed);
        Assert.Equal(afterFirst, await Fstab());
        Assert.Empty(await RecordedCalls());
    }

    [Fact]
    public async Task Absent_unmounts_with_umount_and_restores_fstab_byte_for_byte_then_changes_nothing_WithRecordingMountWekafsHelperAndUmountStandIns()
    {
        var original = await Reset();
        var seeded = await ReadMountInfo();
        (await Run(GuideTask())).EnsureSuccess();

        var absent = await Run(AbsentTask());
        var again = await Run(AbsentTask());

        Assert.True(absent.Succeeded, absent.ToString());
        Assert.Equal(1, absent.Changed);
        Assert.Equal([GuideHelperCall, ["umount", "/mnt/weka"]], await RecordedCalls());
        Assert.Equal(original, await Fstab());
        Assert.Equal(seeded, await ReadMountInfo());
        Assert.True(again.Succeeded, again.ToString());
        Assert.Equal(0, again.Changed);
        Assert.Equal(2, (await RecordedCalls()).Count);
    }

    [Fact]
    public async Task A_failing_helper_comes_back_through_mount_with_its_message_and_exit_code_and_fstab_is_untouched_WithRecordingMountWekafsHelperStandIn()
    {
        var original = await Reset();
        await Cluster.ExecOkAsync(Node, $"""
            echo 32 > {StandInDir}/exit
            echo 'mount.wekafs: error: failed to join the cluster through backend-host-0: Connection refused' > {StandInDir}/stderr
            """);

        var run = await Run(GuideTask());

        Assert.False(run.Succeeded, run.ToString());
        var result = run.TaskResults(TaskName)[Node];
        Assert.True((bool?)result["failed"]);
        var msg = (string?)result["msg"] ?? string.Empty;
        Assert.Contains("exit code 32", msg);
        Assert.Contains("mount.wekafs: error: failed to join the cluster through backend-host-0: Connection refused", msg);
        Assert.Equal(32, (int?)result["rc"]);
        Assert.Equal([GuideHelperCall], await RecordedCalls());
        Assert.Equal(original, await Fstab());
    }

    [Fact]
    public async Task A_hanging_helper_is_killed_at_the_timeout_option_the_task_fails_naming_it_and_fstab_and_mountinfo_are_untouched_WithHangingMockMountWekafsHelperStandIn()
    {
        var original = await Reset();
        var seeded = await ReadMountInfo();
        await Cluster.ExecOkAsync(Node, $"touch {StandInDir}/hang");

        var run = await Run(GuideTask(timeout: 3));

        Assert.False(run.Succeeded, run.ToString());
        var result = run.TaskResults(TaskName)[Node];
        Assert.True((bool?)result["failed"]);
        var msg = (string?)result["msg"] ?? string.Empty;
        Assert.StartsWith("option 'timeout': '", msg, StringComparison.Ordinal);
        Assert.Contains("mount -t wekafs -o core=47,net=ib0 backend-host-0/fs1 /mnt/weka' did not finish within 3 s and was stopped (raise timeout to allow more time); fstab was not changed", msg);
        Assert.Null(result["mounted"]);
        Assert.Equal([GuideHelperCall], await RecordedCalls());
        Assert.Equal(original, await Fstab());
        Assert.Equal(seeded, await ReadMountInfo());
        var hung = (await Cluster.ExecOkAsync(Node, $"cat {StandInDir}/hung.pids")).Stdout.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, hung.Length); // the helper and its sleeping child
        Assert.Equal(string.Empty, await StillRunning());
    }

    [Fact]
    public async Task Check_mode_reports_a_change_and_runs_no_mount_writes_no_fstab_and_creates_no_mount_point_WithRecordingMountWekafsHelperStandIn()
    {
        var original = await Reset();

        var check = await Run(GuideTask(), check: true);

        Assert.True(check.Succeeded, check.ToString());
        Assert.Equal(1, check.Changed);
        Assert.Empty(await RecordedCalls());
        Assert.Equal(original, await Fstab());
        Assert.False((await Cluster.ExecAsync(Node, "test -e /mnt/weka")).Succeeded);
    }

    [Fact]
    public async Task Core_0_fails_naming_the_option_and_changes_nothing_WithRecordingMountWekafsHelperStandIn()
    {
        var original = await Reset();

        var run = await Run(GuideTask(cores: "[0]"));

        Assert.False(run.Succeeded, run.ToString());
        var result = run.TaskResults(TaskName)[Node];
        Assert.True((bool?)result["failed"]);
        Assert.Contains("option 'cores': core 0 is not allowed", (string?)result["msg"]);
        Assert.Empty(await RecordedCalls());
        Assert.Equal(original, await Fstab());
    }

    /// <summary>The guide's mount as a playbook, the umount stand-in first on the task's PATH.</summary>
    private static string GuideTask(string state = "mounted", string cores = "[47]", int timeout = 600) => $"""
        - name: WEKA mount on the compute node
          hosts: {Node}
          gather_facts: false
          tasks:
            - name: {TaskName}
              hpc.weka_slurm.wekafs_mount:
                path: /mnt/weka
                filesystem: fs1
                backends: [backend-host-0]
                cores: {cores}
                net: [ib0]
                state: {state}
                timeout: {timeout}
                mountinfo: {MountInfo}
              environment:
                PATH: {StandInBin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        """;

    private static string AbsentTask() => $"""
        - name: WEKA mount on the compute node
          hosts: {Node}
          gather_facts: false
          tasks:
            - name: {TaskName}
              hpc.weka_slurm.wekafs_mount:
                path: /mnt/weka
                state: absent
                mountinfo: {MountInfo}
              environment:
                PATH: {StandInBin}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
        """;

    private Task<PlaybookResult> Run(string yaml, bool check = false) =>
        Cluster.RunPlaybookAsync(Playbook.Yaml(yaml), new PlaybookOptions { JsonOutput = true, Check = check });

    /// <summary>
    /// Installs the stand-ins (once) and puts the node back to its starting state: the image's
    /// /etc/fstab, no /mnt/weka, a stand-in mountinfo copied from the kernel's, no recorded calls.
    /// Returns the starting fstab.
    /// </summary>
    private async Task<string> Reset()
    {
        await Cluster.ExecOkAsync(Node, $$"""
            set -e
            mkdir -p {{StandInDir}} {{StandInBin}}
            [ -f {{StandInDir}}/fstab.orig ] || cp -p /etc/fstab {{StandInDir}}/fstab.orig
            cp -p {{StandInDir}}/fstab.orig /etc/fstab
            rm -rf /mnt/weka {{Calls}} {{StandInDir}}/exit {{StandInDir}}/stderr {{StandInDir}}/hang {{StandInDir}}/hung.pids
            cp /proc/self/mountinfo {{MountInfo}}
            cat > /sbin/mount.wekafs <<'EOF'
            #!/bin/bash
            # TEST-ONLY stand-in for the WEKA client's mount helper: records the argv util-linux mount
            # gives it, exits with the chosen code, and on success adds the line the kernel would show.
            d={{StandInDir}}
            (IFS=$'\t'; echo "$0	$*") >> "$d/calls"
            if [ -f "$d/hang" ]; then sleep 600 & echo "$$ $!" >> "$d/hung.pids"; wait; exit 0; fi
            if [ -f "$d/exit" ]; then cat "$d/stderr" >&2; exit "$(cat "$d/exit")"; fi
            id=$(( 500 + $(wc -l < "$d/mountinfo") ))
            echo "$id 27 0:$id / $2 rw,relatime shared:$id - wekafs $1 rw,writecache,inode_bits=auto,readahead_kb=32768,dentry_max_age_positive=1000,dentry_max_age_negative=0,container_name=client" >> "$d/mountinfo"
            EOF
            cat > {{StandInBin}}/umount <<'EOF'
            #!/bin/bash
            # TEST-ONLY umount stand-in: records its argv and removes the path's last line from the stand-in mountinfo.
            d={{StandInDir}}
            (IFS=$'\t'; echo "umount	$*") >> "$d/calls"
            T="$1" awk '{ lines[NR] = $0; if ($5 == ENVIRON["T"]) last = NR } END { for (i = 1; i <= NR; i++) if (i != last) print lines[i] }' \
              "$d/mountinfo" > "$d/mountinfo.new" && mv "$d/mountinfo.new" "$d/mountinfo"
            EOF
            chmod 755 /sbin/mount.wekafs {{StandInBin}}/umount
            """);
        return await Fstab();
    }

    /// <summary>
    /// The ids of hung helpers and their sleeping children that still run (not gone, not zombies), checked
    /// for up to 10 s: SIGKILL takes effect when the process is next scheduled.
    /// </summary>
    private async Task<string> StillRunning() =>
        (await Cluster.ExecOkAsync(Node, $$"""
            for i in $(seq 100); do
              left=$(for p in $(cat {{StandInDir}}/hung.pids); do s=$(awk '{print $3}' /proc/$p/stat 2>/dev/null); [ -n "$s" ] && [ "$s" != Z ] && echo $p; done)
              [ -z "$left" ] && break
              sleep 0.1
            done
            printf '%s' "$left"
            """)).Stdout;

    private async Task<string> Fstab() => (await Cluster.ExecOkAsync(Node, "cat /etc/fstab")).Stdout;

    private async Task<string> ReadMountInfo() => (await Cluster.ExecOkAsync(Node, $"cat {MountInfo}")).Stdout;

    /// <summary>Each recorded call as its argument vector, program first.</summary>
    private async Task<List<string[]>> RecordedCalls() =>
        (await Cluster.ExecOkAsync(Node, $"cat {Calls} 2>/dev/null || true")).Stdout
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('\t'))
            .ToList();
}
