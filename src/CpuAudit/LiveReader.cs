using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>
/// Reads the live state the audit compares (never writes): the mount table (cgroup hierarchies and
/// wekafs mounts), the WEKA client's cpuset, slurmd's cpuset and the host's hugepages.
/// </summary>
public sealed class LiveReader(string root)
{
    private const string MountInfo = "/proc/self/mountinfo";

    private readonly HostFiles _files = new(root);

    /// <param name="wekaCgroup">The WEKA client's cgroup, relative to the root of the cpuset hierarchy (e.g. weka-client).</param>
    /// <param name="nodeName">The Slurm node name (names slurmd's cgroup on multiple-slurmd builds).</param>
    public LiveState Read(string wekaCgroup, string nodeName)
    {
        CheckCgroupName(wekaCgroup);
        var notes = new List<string>();
        var mounts = MountTable();
        if (mounts is null)
        {
            notes.Add($"{_files.Full(MountInfo)} does not exist: no cgroup and no wekafs mount can be read");
        }

        var hierarchy = mounts is null ? null : CpusetHierarchy.Find(_files, mounts);
        if (mounts is not null && hierarchy is null)
        {
            notes.Add($"no cgroup hierarchy with the cpuset controller is mounted (per {_files.Full(MountInfo)})");
        }

        var weka = mounts is null ? WekaMounts.None : WekaMounts.From(mounts);
        var cgroup = hierarchy?.Effective(wekaCgroup);
        if (cgroup is { Cpus.Count: 0 })
        {
            notes.Add($"WEKA's cgroup {_files.Full(cgroup.Path)} holds no CPUs");
        }

        var (cpus, source) = cgroup is { Cpus.Count: > 0 } ? (cgroup.Cpus, WekaCpuSource.Cgroup)
            : weka.Cores.Count > 0 ? (weka.Cores, WekaCpuSource.MountOptions)
            : ([], WekaCpuSource.None);
        var meminfo = _files.Text("/proc/meminfo");
        return new LiveState
        {
            WekaCpus = cpus,
            WekaSource = source,
            WekaCgroup = hierarchy is null ? null : _files.Full(Path.Join(hierarchy.MountPoint, wekaCgroup)),
            Slurmd = hierarchy?.Slurmd(nodeName) is { } slurmd ? slurmd with { Path = _files.Full(slurmd.Path) } : null,
            Mounts = weka,
            HugepagesMiB = meminfo is null ? null : HostMemory.HugepagesMiB(meminfo),
            Notes = notes,
        };
    }

    /// <summary>A cgroup path below the hierarchy's root: relative, without "." or ".." steps.</summary>
    public static void CheckCgroupName(string cgroup)
    {
        var steps = cgroup.Split('/');
        if (cgroup.Length == 0 || cgroup.StartsWith('/') || steps.Any(s => s is "" or "." or ".."))
        {
            throw new AuditException($"'{cgroup}' is not a cgroup path below the cpuset hierarchy's root (e.g. weka-client, or weka.slice/weka-client): relative, without empty, '.' or '..' steps");
        }
    }

    /// <summary>The mount table, or null when the tree has none.</summary>
    private MountInfoTable? MountTable()
    {
        if (_files.Bytes(MountInfo) is not { } bytes)
        {
            return null;
        }

        try
        {
            return MountInfoTable.Parse(bytes);
        }
        catch (FormatException e)
        {
            throw new AuditException($"{_files.Full(MountInfo)}: {e.Message}");
        }
    }
}
