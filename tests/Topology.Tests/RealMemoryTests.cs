namespace HpcWekaSlurm.Topology.Tests;

public class RealMemoryTests
{
    [Theory]
    // This build machine: MemTotal 24684084 kB, slurmd -C says RealMemory=24105.
    [InlineData(24684084L, 24105L)]
    [InlineData(1024000L, 1000L)]
    [InlineData(1023L, 0L)]
    // Above 2^24 pages slurmd's cast through float rounds the page count up: one MiB more than MemTotal/1024.
    [InlineData(1073844220L, 1048676L)]
    public void Real_memory_is_what_slurmd_computes(long memTotalKiB, long expected) =>
        Assert.Equal(expected, SlurmMemory.RealMemoryMiB(memTotalKiB));
}
