using HpcWekaSlurm.TopologyFixtures;

namespace HpcWekaSlurm.CpuAudit.Tests.Support;

/// <summary>
/// Writes the live files the audit reads into a host tree, as the kernel shows them: the mount table
/// (/proc/self/mountinfo), cpuset cgroups of either version, and /proc/meminfo.
/// </summary>
internal sealed class LiveTree(string root)
{
    /// <summary>cgroup v1's cpuset hierarchy, as on this project's Debian 12 hybrid hosts.</summary>
    public const string CpusetV1 = "34 31 0:31 / /sys/fs/cgroup/cpuset rw,relatime - cgroup cgroup rw,cpuset";

    /// <summary>The cgroup v2 hierarchy of a hybrid host (no controllers) or of a unified host.</summary>
    public const string HybridUnified = "41 31 0:38 / /sys/fs/cgroup/unified rw,relatime - cgroup2 cgroup2 rw";

    public const string UnifiedV2 = "30 23 0:27 / /sys/fs/cgroup rw,nosuid,nodev,noexec,relatime shared:9 - cgroup2 cgroup2 rw,nsdelegate,memory_recursiveprot";

    private const string Base = "22 1 259:2 / / rw,relatime shared:1 - ext4 /dev/nvme0n1p2 rw,errors=remount-ro\n" +
                                "23 22 0:21 / /sys rw,nosuid,nodev,noexec,relatime shared:7 - sysfs sysfs rw\n";

    public string Root { get; } = root;

    public static string Wekafs(string options, string mountPoint = "/mnt/weka") =>
        $"120 22 0:52 / {mountPoint} rw,relatime shared:66 - wekafs backend-host-0/fs1 rw,{options}";

    public LiveTree Mounts(params string[] lines) => Put("proc/self/mountinfo", Base + string.Concat(lines.Select(l => l + "\n")));

    /// <summary>A cgroup v1 cpuset: cpuset.cpus, and cpuset.effective_cpus unless <paramref name="effective"/> is false.</summary>
    public LiveTree V1(string cgroup, string cpus, bool effective = true)
    {
        Put($"sys/fs/cgroup/cpuset/{cgroup}/cpuset.cpus", cpus + "\n");
        return effective ? Put($"sys/fs/cgroup/cpuset/{cgroup}/cpuset.effective_cpus", cpus + "\n") : this;
    }

    /// <summary>A cgroup v2 cgroup: cpuset.cpus as written (may be empty) and the effective CPUs.</summary>
    public LiveTree V2(string cgroup, string cpus, string effective)
    {
        Put($"sys/fs/cgroup/{cgroup}/cpuset.cpus", cpus + "\n");
        return Put($"sys/fs/cgroup/{cgroup}/cpuset.cpus.effective", effective + "\n");
    }

    public LiveTree V2Controllers(string controllers) => Put("sys/fs/cgroup/cgroup.controllers", controllers + "\n");

    public LiveTree Meminfo(string text) => Put("proc/meminfo", text);

    public LiveTree Put(string relative, string content)
    {
        var path = Path.Combine(Root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return this;
    }

    /// <summary>A tree of its own in a temp directory, removed with it.</summary>
    public static (LiveTree Tree, TempDir Dir) Scratch()
    {
        var dir = new TempDir();
        return (new LiveTree(dir.Path), dir);
    }
}
