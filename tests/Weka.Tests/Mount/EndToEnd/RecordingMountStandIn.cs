namespace Weka.Tests.Mount.EndToEnd;

/// <summary>
/// TEST-ONLY stand-ins for mount(8) and umount(8) (the WEKA client cannot run here). They record
/// their argument vectors and exit with a chosen code and message. A successful call also does
/// what the kernel would: it adds (or removes) the wekafs line in the fixture mountinfo the module
/// reads, because the module trusts only mountinfo for the mount state, never the exit code.
/// Found by the module through PATH, as the real programs are. Told to hang, they sleep (in a
/// child process, as mount's helper would run) until they are killed: a mock of a mount that waits
/// on unreachable backends.
/// </summary>
public sealed class RecordingMountStandIn
{
    public RecordingMountStandIn(string directory, string mountInfoPath)
    {
        Directory = System.IO.Directory.CreateDirectory(directory).FullName;
        Log = Path.Combine(Directory, "calls.log");
        Write("mount", $$"""
            #!/bin/bash
            # TEST-ONLY mount(8) stand-in: records argv, exits with the chosen code, emulates the kernel on success.
            dir='{{Directory}}'
            (IFS=$'\t'; echo "mount	$*") >> "$dir/calls.log"
            if [ -f "$dir/mount.hang" ]; then sleep 600 & echo $! >> "$dir/hung.pids"; wait; exit 0; fi
            if [ -f "$dir/mount.exit" ]; then cat "$dir/mount.stderr" >&2 2>/dev/null; exit "$(cat "$dir/mount.exit")"; fi
            [ -f "$dir/mount.no-kernel-effect" ] && exit 0
            source="${@: -2:1}"; target="${@: -1}"
            esc() { printf '%s' "$1" | sed -e 's/\\/\\134/g' -e 's/ /\\040/g' -e 's/\t/\\011/g'; }
            id=$(( 200 + $(wc -l < '{{mountInfoPath}}') ))
            echo "$id 27 0:$id / $(esc "$target") rw,relatime shared:$id - wekafs $(esc "$source") rw,writecache,inode_bits=auto,readahead_kb=32768,dentry_max_age_positive=1000,dentry_max_age_negative=0" >> '{{mountInfoPath}}'
            """);
        Write("umount", $$"""
            #!/bin/bash
            # TEST-ONLY umount(8) stand-in: records argv, exits with the chosen code, emulates the kernel on success.
            dir='{{Directory}}'
            (IFS=$'\t'; echo "umount	$*") >> "$dir/calls.log"
            if [ -f "$dir/umount.hang" ]; then sleep 600 & echo $! >> "$dir/hung.pids"; wait; exit 0; fi
            if [ -f "$dir/umount.exit" ]; then cat "$dir/umount.stderr" >&2 2>/dev/null; exit "$(cat "$dir/umount.exit")"; fi
            target=$(printf '%s' "$1" | sed -e 's/\\/\\134/g' -e 's/ /\\040/g')
            T="$target" awk '{ lines[NR] = $0; if ($5 == ENVIRON["T"]) last = NR } END { for (i = 1; i <= NR; i++) if (i != last) print lines[i] }' \
              '{{mountInfoPath}}' > '{{mountInfoPath}}.new' && mv '{{mountInfoPath}}.new' '{{mountInfoPath}}'
            """);
    }

    public string Directory { get; }

    private string Log { get; }

    /// <summary>Each call as its argument vector, program name first.</summary>
    public IReadOnlyList<string[]> Calls =>
        File.Exists(Log) ? File.ReadAllLines(Log).Select(l => l.Split('\t')).ToList() : [];

    /// <summary>Makes the next mount calls fail with <paramref name="exitCode"/> and <paramref name="stderr"/>.</summary>
    public void FailMount(int exitCode, string stderr)
    {
        File.WriteAllText(Path.Combine(Directory, "mount.exit"), exitCode.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllText(Path.Combine(Directory, "mount.stderr"), stderr);
    }

    /// <summary>Makes the next mount calls hang (a sleeping child) until they are killed.</summary>
    public void HangMount() => File.WriteAllText(Path.Combine(Directory, "mount.hang"), string.Empty);

    /// <summary>Makes the next umount calls hang (a sleeping child) until they are killed.</summary>
    public void HangUmount() => File.WriteAllText(Path.Combine(Directory, "umount.hang"), string.Empty);

    /// <summary>Lets mount and umount work again.</summary>
    public void StopHanging()
    {
        File.Delete(Path.Combine(Directory, "mount.hang"));
        File.Delete(Path.Combine(Directory, "umount.hang"));
    }

    /// <summary>Ids of the sleeping children of hanging calls; each must be gone (or a zombie left to be reaped) once the module stopped its command.</summary>
    public IReadOnlyList<int> HungProcesses =>
        File.Exists(Path.Combine(Directory, "hung.pids"))
            ? File.ReadAllLines(Path.Combine(Directory, "hung.pids")).Select(l => int.Parse(l, System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : [];

    /// <summary>Whether <paramref name="pid"/> is gone (SIGKILL takes effect when the process is next scheduled), checked for up to 10 s.</summary>
    public static bool HasStopped(int pid)
    {
        for (var i = 0; i < 100 && IsRunning(pid); i++)
        {
            Thread.Sleep(100);
        }

        return !IsRunning(pid);
    }

    /// <summary>Present in /proc and not a zombie (a killed child may wait there for its reaper).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Makes mount exit 0 without any mount appearing (a program that lies about success).</summary>
    public void MountWithoutKernelEffect() => File.WriteAllText(Path.Combine(Directory, "mount.no-kernel-effect"), string.Empty);

    private void Write(string name, string script)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, script + "\n");
        File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
    }
}
