using System.Globalization;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>Hugepage memory of the host from /proc/meminfo: the WEKA client allocates its memory as hugepages.</summary>
public static class HostMemory
{
    /// <summary>
    /// MiB held in hugepages of every size (Hugetlb:), else HugePages_Total x Hugepagesize (kernels
    /// before 4.16); null when meminfo says neither.
    /// </summary>
    public static long? HugepagesMiB(string meminfo)
    {
        var kib = new Dictionary<string, long>();
        foreach (var line in meminfo.Split('\n'))
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2 && long.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                kib[fields[0].TrimEnd(':')] = value;
            }
        }

        if (kib.TryGetValue("Hugetlb", out var hugetlb))
        {
            return hugetlb / 1024;
        }

        return kib.TryGetValue("HugePages_Total", out var pages) && kib.TryGetValue("Hugepagesize", out var size)
            ? pages * size / 1024
            : null;
    }
}
