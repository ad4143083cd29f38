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

/// <summary>Why slurmd cannot load a CgroupPlugin on a host, and what to do instead.</summary>
public sealed record CgroupPluginMismatch(string Problem, string Fix)
{
    public override string ToString() => $"{Problem}; {Fix}";
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

    /// <summary>
    /// The controllers Slurm's cgroup plugin would use: those of the v1 hierarchies (legacy and hybrid
    /// hosts, where autodetect picks cgroup/v1), or the root's cgroup.controllers (cgroup v2 only).
    /// </summary>
    public static IReadOnlyList<string> Controllers(string root, CgroupMode mode)
    {
        switch (mode)
        {
            case CgroupMode.Unified:
                return [.. File.ReadAllText(Path.Combine(root, "cgroup.controllers")).Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal)];
            case CgroupMode.Legacy or CgroupMode.Hybrid:
                // Co-mounted controllers share a directory ("cpu,cpuacct"); name=systemd is systemd's own tracking hierarchy, not a controller.
                return [.. Directory.EnumerateDirectories(root)
                    .Where(d => File.Exists(Path.Combine(d, "cgroup.clone_children")))
                    .SelectMany(d => Path.GetFileName(d).Split(','))
                    .Where(name => name != "systemd")
                    .Distinct()
                    .Order(StringComparer.Ordinal)];
            default:
                return [];
        }
    }

    /// <summary>Why slurmd cannot run <paramref name="plugin"/> on a host with <paramref name="hierarchy"/>; null when it can, or when the hierarchy is unknown.</summary>
    public static CgroupPluginMismatch? PluginProblem(string plugin, CgroupMode hierarchy)
    {
        if (string.Equals(plugin, "cgroup/v2", StringComparison.OrdinalIgnoreCase) && hierarchy is CgroupMode.Legacy or CgroupMode.Hybrid)
        {
            return new CgroupPluginMismatch(
                $"CgroupPlugin=cgroup/v2 cannot run on this host, which has {Describe(hierarchy)} (slurmd dies: \"Hybrid mode is not supported\")",
                "use CgroupPlugin=autodetect (or cgroup/v1), or boot the host with cgroup v2 only (systemd.unified_cgroup_hierarchy=1)");
        }

        if (string.Equals(plugin, "cgroup/v1", StringComparison.OrdinalIgnoreCase) && hierarchy == CgroupMode.Unified)
        {
            return new CgroupPluginMismatch(
                "CgroupPlugin=cgroup/v1 cannot run on this host, which has cgroup v2 only",
                "use CgroupPlugin=autodetect or cgroup/v2");
        }

        return null;
    }
}
