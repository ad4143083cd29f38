namespace HpcWekaSlurm.Slurm.CgroupConf;

public enum CgroupMode
{
    /// <summary>No cgroup file system found where expected (e.g. a container without /sys/fs/cgroup).</summary>
    Unknown,

    /// <summary>cgroup v1 controllers only.</summary>
    Legacy,

    /// <summary>v1 controllers plus a v2 mount at unified/ (systemd's hybrid mode): Slurm's cgroup/v2 refuses it.</summary>
    Hybrid,

    /// <summary>cgroup v2 only (cgroup.controllers at the root).</summary>
    Unified,
}

/// <summary>Which cgroup hierarchy a host runs, read from its cgroup mount point (a fixture tree in tests).</summary>
public static class CgroupHierarchy
{
    public static CgroupMode Detect(string root)
    {
        if (File.Exists(Path.Combine(root, "cgroup.controllers")))
        {
            return CgroupMode.Unified;
        }

        if (!Directory.Exists(root))
        {
            return CgroupMode.Unknown;
        }

        // cgroup.clone_children exists only in v1 hierarchies.
        var legacy = Directory.EnumerateDirectories(root).Any(d => File.Exists(Path.Combine(d, "cgroup.clone_children")));
        if (!legacy)
        {
            return CgroupMode.Unknown;
        }

        return File.Exists(Path.Combine(root, "unified", "cgroup.controllers")) ? CgroupMode.Hybrid : CgroupMode.Legacy;
    }

    public static string Describe(CgroupMode mode) => mode switch
    {
        CgroupMode.Legacy => "cgroup v1",
        CgroupMode.Hybrid => "a hybrid cgroup v1/v2 hierarchy",
        CgroupMode.Unified => "cgroup v2",
        _ => "an unknown cgroup hierarchy",
    };
}
