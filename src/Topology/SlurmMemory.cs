namespace HpcWekaSlurm.Topology;

/// <summary>The RealMemory slurmd reports (<c>slurmd -C</c>), from MemTotal.</summary>
public static class SlurmMemory
{
    /// <summary>
    /// slurmd computes (uint64_t)((float)sysconf(_SC_PHYS_PAGES) * (page size / 1048576.0))
    /// (get_mach_stat.c, get_memory); glibc's page count is MemTotal in bytes / page size. The cast
    /// through float is kept: above 2^24 pages (64 GiB with 4 KiB pages) it rounds the page count,
    /// which can move the result by one MiB.
    /// </summary>
    public static long RealMemoryMiB(long memTotalKiB, long pageSize = 4096)
    {
        var pages = memTotalKiB * 1024 / pageSize;
        return (long)((double)(float)pages * (pageSize / 1048576.0));
    }
}
