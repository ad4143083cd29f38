using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>CPUs a cgroup's cpuset holds, and where it was read.</summary>
public sealed record CgroupCpus(string Path, IReadOnlyList<int> Cpus);

/// <summary>
/// The cgroup hierarchy holding the cpuset controller, as mounted on the host: cgroup v1's cpuset
/// hierarchy (/sys/fs/cgroup/cpuset on hybrid and legacy hosts), else the cgroup v2 unified one
/// when it offers the cpuset controller. Cgroup paths are relative to its root.
/// </summary>
public sealed class CpusetHierarchy
{
    private readonly HostFiles _files;

    private CpusetHierarchy(HostFiles files, int version, string mountPoint)
    {
        _files = files;
        Version = version;
        MountPoint = mountPoint;
    }

    /// <summary>1 or 2.</summary>
    public int Version { get; }

    /// <summary>Where the hierarchy is mounted on the host (e.g. /sys/fs/cgroup/cpuset).</summary>
    public string MountPoint { get; }

    /// <summary>The hierarchy the mount table shows, or null when no cpuset controller is mounted.</summary>
    public static CpusetHierarchy? Find(HostFiles files, MountInfoTable mounts)
    {
        if (mounts.Entries.LastOrDefault(e => e.FsType == "cgroup" && e.SuperOptions.Has("cpuset")) is { } v1)
        {
            return new CpusetHierarchy(files, 1, v1.MountPoint);
        }

        var v2 = mounts.Entries.LastOrDefault(e => e.FsType == "cgroup2" &&
                                                   (files.Text(Path.Join(e.MountPoint, "cgroup.controllers")) ?? string.Empty).Split(' ', '\n').Contains("cpuset"));
        return v2 is null ? null : new CpusetHierarchy(files, 2, v2.MountPoint);
    }

    /// <summary>
    /// The CPUs the cgroup's tasks may run on (cpuset.effective_cpus in v1, cpuset.cpus.effective in
    /// v2; cpuset.cpus where the kernel has no effective file), or null when the cgroup does not exist.
    /// </summary>
    public CgroupCpus? Effective(string cgroup) =>
        Read(cgroup, Version == 1 ? "cpuset.effective_cpus" : "cpuset.cpus.effective") ?? Read(cgroup, "cpuset.cpus");

    /// <summary>The CPUs written into the cgroup's cpuset.cpus (empty: none set), or null when the cgroup does not exist.</summary>
    public CgroupCpus? Configured(string cgroup) => Read(cgroup, "cpuset.cpus");

    /// <summary>
    /// slurmd's own cgroup, where it confines itself when the node reserves CPUs: in cgroup v1
    /// slurm_NODE/system (multiple-slurmd builds, Debian's among them) or slurm/system; in v2 slurmd's systemd unit.
    /// </summary>
    public CgroupCpus? Slurmd(string nodeName)
    {
        string[] candidates = Version == 1
            ? [$"slurm_{nodeName}/system", "slurm/system"]
            : ["system.slice/slurmd.service", $"system.slice/slurmd-{nodeName}.service"];
        return candidates.Select(Configured).FirstOrDefault(c => c is not null);
    }

    private CgroupCpus? Read(string cgroup, string file)
    {
        var dir = Path.Join(MountPoint, cgroup);
        return _files.DirectoryExists(dir) && _files.CpuListAt(Path.Join(dir, file)) is { } cpus
            ? new CgroupCpus(dir, cpus)
            : null;
    }
}
