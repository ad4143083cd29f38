using System.Globalization;

namespace HpcWekaSlurm.Topology;

/// <summary>
/// Reads a host's topology from sysfs and procfs under a root directory: "/" on the host itself,
/// or a copy gathered from another host (tests use generated trees).
/// </summary>
public sealed class SysfsReader(string root)
{
    private const string CpuDir = "sys/devices/system/cpu";
    private const string NodeDir = "sys/devices/system/node";

    public string Root { get; } = root;

    public HostTopology Read()
    {
        var online = CpuListAt($"{CpuDir}/online");
        var cpus = new List<LogicalCpu>();
        var groups = new List<IReadOnlyList<int>>();
        foreach (var id in online)
        {
            var dir = $"{CpuDir}/cpu{id}/topology";
            cpus.Add(new LogicalCpu(id, Int($"{dir}/physical_package_id"), Int($"{dir}/core_id"), CpuListAt($"{dir}/thread_siblings_list")));

            // The levels hwloc keeps between package and core (Slurm filters out L1 and L2 only).
            foreach (var optional in new[] { $"{dir}/die_cpus_list", $"{dir}/cluster_cpus_list" }.Concat(L3Caches(id)))
            {
                if (OptionalText(optional) is not null)
                {
                    groups.Add(CpuListAt(optional));
                }
            }
        }

        return HostTopology.Build(cpus, groups, NumaNodes(), MemTotalKiB());
    }

    /// <summary>
    /// The NUMA node of a network interface's device, or null when the kernel does not know it
    /// (numa_node is -1, or the interface has no device, like a bond or a VLAN).
    /// </summary>
    /// <exception cref="TopologyException">No such interface.</exception>
    public int? NicNumaNode(string nic)
    {
        RequireNic(nic);
        return OptionalText($"sys/class/net/{nic}/device/numa_node") is { } text && ParseInt(text, $"sys/class/net/{nic}/device/numa_node") is var node && node >= 0
            ? node
            : null;
    }

    /// <summary>
    /// The CPUs local to a network interface's device (<c>device/local_cpulist</c>), or null when the
    /// kernel does not say (no device, like a bond, a VLAN or a veth).
    /// </summary>
    /// <exception cref="TopologyException">No such interface, or an unreadable list.</exception>
    public IReadOnlyList<int>? NicLocalCpus(string nic)
    {
        RequireNic(nic);
        var relative = $"sys/class/net/{nic}/device/local_cpulist";
        return OptionalText(relative) is null ? null : CpuListAt(relative);
    }

    private void RequireNic(string nic)
    {
        if (nic.Length == 0 || nic.Contains('/') || nic is "." or ".." || !Directory.Exists(Full($"sys/class/net/{nic}")))
        {
            var known = Directory.Exists(Full("sys/class/net"))
                ? string.Join(", ", Directory.GetFileSystemEntries(Full("sys/class/net")).Select(Path.GetFileName).Order(StringComparer.Ordinal))
                : "none";
            throw new TopologyException($"there is no network interface '{nic}' in {Full("sys/class/net")} (interfaces: {known})");
        }
    }

    /// <summary>The host's short name (up to the first dot), from the kernel's hostname under the root, or null when absent.</summary>
    public string? ShortHostname() =>
        OptionalText("proc/sys/kernel/hostname")?.Trim() is { Length: > 0 } name ? name.Split('.')[0] : null;

    private IEnumerable<string> L3Caches(int cpu)
    {
        var dir = Full($"{CpuDir}/cpu{cpu}/cache");
        if (!Directory.Exists(dir))
        {
            return [];
        }

        return Directory.GetDirectories(dir, "index*")
            .Select(d => Path.GetRelativePath(Root, d))
            .Where(d => OptionalText($"{d}/level")?.Trim() == "3" && OptionalText($"{d}/type")?.Trim() != "Instruction")
            .Select(d => $"{d}/shared_cpu_list");
    }

    private Dictionary<int, IReadOnlyList<int>> NumaNodes()
    {
        var nodes = new Dictionary<int, IReadOnlyList<int>>();
        var dir = Full(NodeDir);
        if (!Directory.Exists(dir))
        {
            return nodes;
        }

        foreach (var path in Directory.GetDirectories(dir, "node*"))
        {
            var name = Path.GetFileName(path);
            if (int.TryParse(name.AsSpan(4), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                nodes[id] = CpuListAt($"{NodeDir}/{name}/cpulist");
            }
        }

        return nodes;
    }

    /// <summary>MemTotal from <c>proc/meminfo</c>, in KiB (what slurmd's RealMemory derives from, see <see cref="SlurmMemory"/>).</summary>
    public long MemTotalKiB()
    {
        const string path = "proc/meminfo";
        foreach (var line in Text(path).Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields is ["MemTotal:", var value, "kB"] &&
                long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var kib))
            {
                return kib;
            }
        }

        throw new TopologyException($"{Full(path)} has no 'MemTotal: N kB' line");
    }

    private string Full(string relative) => Path.Combine(Root, relative);

    private string Text(string relative) =>
        OptionalText(relative) ?? throw new TopologyException($"{Full(relative)} does not exist: is root '{Root}' a Linux host's filesystem root?");

    private string? OptionalText(string relative)
    {
        try
        {
            return File.ReadAllText(Full(relative));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TopologyException($"cannot read {Full(relative)}: {e.Message}");
        }
    }

    private IReadOnlyList<int> CpuListAt(string relative)
    {
        try
        {
            return CpuList.Parse(Text(relative));
        }
        catch (FormatException e)
        {
            throw new TopologyException($"{Full(relative)}: {e.Message}");
        }
    }

    private int Int(string relative) => ParseInt(Text(relative), relative);

    private int ParseInt(string text, string relative) =>
        int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new TopologyException($"{Full(relative)}: '{text.Trim()}' is not a number");
}
