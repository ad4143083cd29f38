using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Modules;

/// <summary>A small host for slurm_node_facts: 1 socket, 4 cores, 2 threads each (siblings n and n+4), one NUMA node, ib0 on it.</summary>
public static class SysfsTree
{
    public static void Write(Sandbox s)
    {
        s.Write("host/sys/devices/system/cpu/online", "0-7\n");
        for (var cpu = 0; cpu < 8; cpu++)
        {
            var topology = $"host/sys/devices/system/cpu/cpu{cpu}/topology/";
            s.Write(topology + "physical_package_id", "0\n");
            s.Write(topology + "core_id", $"{cpu % 4}\n");
            s.Write(topology + "thread_siblings_list", $"{cpu % 4},{(cpu % 4) + 4}\n");
        }

        s.Write("host/sys/devices/system/node/node0/cpulist", "0-7\n");
        s.Write("host/sys/class/net/ib0/device/numa_node", "0\n");
        s.Write("host/proc/meminfo", "MemTotal:       16318480 kB\nMemFree:         8000000 kB\n");
        s.Write("host/proc/sys/kernel/hostname", "node001\n");
    }

    public static IReadOnlyList<string> Files(Sandbox s) =>
        [.. Directory.EnumerateFiles(s.File("host"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)];
}
