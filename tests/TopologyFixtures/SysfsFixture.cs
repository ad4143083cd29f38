using System.Globalization;
using System.Text;
using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.TopologyFixtures;

/// <summary>
/// Writes a <see cref="HostDescription"/> as the kernel shows it under /sys and /proc: the *_list
/// files the module reads and the hex masks hwloc's Linux backend reads (lstopo --input DIR),
/// so the module and hwloc parse the very same tree.
/// </summary>
public static class SysfsFixture
{
    public static string Write(HostDescription host, string root)
    {
        var cpuDir = Path.Combine(root, "sys/devices/system/cpu");
        var all = host.Cpus.Select(c => c.Os).Concat(host.Offline).ToList();
        var width = all.Max() + 1;
        var online = host.Cpus.Select(c => c.Os).ToList();
        Put(cpuDir, "online", CpuList.Format(online));
        Put(cpuDir, "possible", CpuList.Format(all));
        Put(cpuDir, "present", CpuList.Format(all));
        Put(cpuDir, "offline", CpuList.Format(host.Offline));

        foreach (var cpu in host.Cpus)
        {
            var topo = Path.Combine(cpuDir, $"cpu{cpu.Os}", "topology");
            var siblings = host.Cpus.Where(c => c.Core == cpu.Core).Select(c => c.Os).ToList();
            var package = host.Cpus.Where(c => c.Package == cpu.Package).Select(c => c.Os).ToList();
            Put(topo, "physical_package_id", cpu.Package.ToString(CultureInfo.InvariantCulture));
            Put(topo, "core_id", cpu.CoreId.ToString(CultureInfo.InvariantCulture));
            PutSet(topo, "thread_siblings_list", "thread_siblings", siblings, width);
            // hwloc takes packages from this mask (the older name of package_cpus); the module uses physical_package_id.
            Put(topo, "core_siblings", Mask(package, width));
        }

        foreach (var cpu in host.Offline)
        {
            // An offline CPU keeps its directory but loses its topology.
            Put(Path.Combine(cpuDir, $"cpu{cpu}"), "online", "0");
        }

        foreach (var (l3, index) in host.L3Caches.Select((l3, i) => (l3, i)))
        {
            foreach (var cpu in l3)
            {
                var dir = Path.Combine(cpuDir, $"cpu{cpu}", "cache", "index3");
                Put(dir, "level", "3");
                Put(dir, "type", "Unified");
                Put(dir, "id", index.ToString(CultureInfo.InvariantCulture));
                Put(dir, "size", "32768K");
                PutSet(dir, "shared_cpu_list", "shared_cpu_map", l3, width);
            }
        }

        var nodeDir = Path.Combine(root, "sys/devices/system/node");
        Put(nodeDir, "online", CpuList.Format(host.NumaNodes.Keys));
        Put(nodeDir, "possible", CpuList.Format(host.NumaNodes.Keys));
        foreach (var (node, cpus) in host.NumaNodes)
        {
            var dir = Path.Combine(nodeDir, $"node{node}");
            PutSet(dir, "cpulist", "cpumap", cpus, width);
            Put(dir, "meminfo", $"Node {node} MemTotal:       {host.MemTotalKiB / host.NumaNodes.Count} kB");
        }

        foreach (var (nic, numa) in host.Nics)
        {
            var dir = Path.Combine(root, "sys/class/net", nic);
            Directory.CreateDirectory(dir);
            if (numa is { } n)
            {
                Put(Path.Combine(dir, "device"), "numa_node", n.ToString(CultureInfo.InvariantCulture));
            }
        }

        Put(Path.Combine(root, "proc"), "meminfo", $"MemTotal:       {host.MemTotalKiB} kB\nMemFree:        {host.MemTotalKiB / 2} kB\nHugepagesize:       2048 kB");
        Put(Path.Combine(root, "proc/sys/kernel"), "hostname", host.Hostname);
        return root;
    }

    /// <summary>Writes a CPU set as a list ("0-3,8") and, for hwloc, in the kernel's mask form.</summary>
    private static void PutSet(string dir, string listName, string maskName, IReadOnlyCollection<int> cpus, int width)
    {
        Put(dir, listName, CpuList.Format(cpus));
        Put(dir, maskName, Mask(cpus, width));
    }

    /// <summary>The kernel's cpumap form: comma-separated 32-bit hex words, most significant first.</summary>
    private static string Mask(IReadOnlyCollection<int> cpus, int width)
    {
        var set = cpus.ToHashSet();
        var words = new List<string>();
        for (var word = (width - 1) / 32; word >= 0; word--)
        {
            var bits = 0u;
            for (var bit = 0; bit < 32; bit++)
            {
                bits |= set.Contains((word * 32) + bit) ? 1u << bit : 0;
            }

            words.Add(bits.ToString("x8", CultureInfo.InvariantCulture));
        }

        return string.Join(',', words);
    }

    private static void Put(string dir, string name, string content)
    {
        if (!Directory.Exists(dir))
        {
            Directory.CreateDirectory(dir);
        }

        File.WriteAllText(Path.Combine(dir, name), content + "\n", Encoding.ASCII);
    }
}
