using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Modules;

/// <summary>
/// A small host for slurm_node_facts: 1 socket, 4 cores, 2 threads each (siblings n and n+4), one
/// NUMA node, ib0 on it. The module only reads it, so one tree serves every run of the test process
/// (each run still hashes it before and after).
/// </summary>
public static class SysfsTree
{
    private static readonly Lazy<string> Shared = new(Create);

    public static string Root => Shared.Value;

    public static IReadOnlyList<string> Files() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];

    private const string Prefix = "hpcws-rel-sysfs-";

    private static string Create()
    {
        RemoveTreesOfEndedRuns();
        var root = Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId);
        void Put(string relative, string content)
        {
            var path = Path.Combine(root, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, content);
        }

        Put("sys/devices/system/cpu/online", "0-7\n");
        for (var cpu = 0; cpu < 8; cpu++)
        {
            var topology = $"sys/devices/system/cpu/cpu{cpu}/topology/";
            Put(topology + "physical_package_id", "0\n");
            Put(topology + "core_id", $"{cpu % 4}\n");
            Put(topology + "thread_siblings_list", $"{cpu % 4},{(cpu % 4) + 4}\n");
        }

        Put("sys/devices/system/node/node0/cpulist", "0-7\n");
        Put("sys/class/net/ib0/device/numa_node", "0\n");
        Put("proc/meminfo", "MemTotal:       16318480 kB\nMemFree:         8000000 kB\n");
        Put("proc/sys/kernel/hostname", "node001\n");
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(root, recursive: true);
        return root;
    }

    /// <summary>A test host stopped before its exit handlers ran leaves its tree: the next run removes it.</summary>
    private static void RemoveTreesOfEndedRuns()
    {
        foreach (var tree in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            if (int.TryParse(Path.GetFileName(tree)[Prefix.Length..], out var pid) && !Directory.Exists($"/proc/{pid}"))
            {
                Directory.Delete(tree, recursive: true);
            }
        }
    }
}
