using Xunit;

namespace HpcWekaSlurm.TopologyFixtures;

/// <summary>The host layouts the tests run on: the ground-truth hosts of platform-facts.md and the numbering traps around them.</summary>
public static class Hosts
{
    /// <summary>A: 2 sockets x 24 cores x 2 threads, OS id = thread*48 + socket*24 + core (the guide's a2-ultragpu-8g: siblings far apart).</summary>
    public static readonly HostDescription A = HostDescription.Regular("A-linear-siblings-far", 2, 24, 2, (s, c, t) => (t * 48) + (s * 24) + c) with
    {
        Nics = new Dictionary<string, int?> { ["ib0"] = 1, ["ib1"] = 0, ["bond0"] = null, ["eth9"] = -1 },
    };

    /// <summary>B: 2 sockets x 32 cores x 1 thread, OS id = 2*core + socket (NUMA-interleaved; WEKA's own guide example).</summary>
    public static readonly HostDescription B = HostDescription.Regular("B-numa-interleaved", 2, 32, 1, (s, c, _) => (2 * c) + s) with
    {
        Nics = new Dictionary<string, int?> { ["ib0"] = 0 },
    };

    /// <summary>C: 1 socket x 4 cores x 2 threads, OS id = core*2 + thread (siblings adjacent).</summary>
    public static readonly HostDescription C = HostDescription.Regular("C-siblings-adjacent", 1, 4, 2, (_, c, t) => (c * 2) + t);

    /// <summary>Interleaved sockets with hyperthreads: OS id = thread*32 + 2*core + socket.</summary>
    public static readonly HostDescription InterleavedHt = HostDescription.Regular("interleaved-ht", 2, 16, 2, (s, c, t) => (t * 32) + (2 * c) + s) with
    {
        Nics = new Dictionary<string, int?> { ["ib0"] = 0 },
    };

    /// <summary>SMT4 (POWER-style): 2 sockets x 4 cores x 4 threads, OS id = (socket*4 + core)*4 + thread.</summary>
    public static readonly HostDescription Smt4 = HostDescription.Regular("smt4", 2, 4, 4, (s, c, t) => (((s * 4) + c) * 4) + t) with
    {
        Nics = new Dictionary<string, int?> { ["ib0"] = 0 },
    };

    private static readonly int[] IntelCoreIds = [0, 1, 2, 3, 4, 8, 9, 10, 11, 12];

    /// <summary>core_id with gaps, as Intel parts show: 2 x 10 x 2, OS id = thread*20 + socket*10 + core, core_id 0-4,8-12.</summary>
    public static readonly HostDescription CoreIdGaps = HostDescription.Regular("core-id-gaps", 2, 10, 2, (s, c, t) => (t * 20) + (s * 10) + c, (_, c) => IntelCoreIds[c]);

    /// <summary>core_id in an order unrelated to the CPU ids (hwloc orders cores by CPU id, not core_id): 1 x 6 x 2, siblings adjacent.</summary>
    public static readonly HostDescription CoreIdScrambled = HostDescription.Regular("core-id-scrambled", 1, 6, 2, (_, c, t) => (c * 2) + t, (_, c) => new[] { 13, 2, 9, 0, 5, 1 }[c]);

    /// <summary>
    /// Sub-NUMA clustering with interleaved numbering: 1 socket x 8 cores x 2 threads, OS id = thread*8 + core,
    /// even cores on NUMA node 0 and odd cores on node 1. hwloc puts a group per NUMA node inside
    /// the package, so Slurm numbers node 0's cores first.
    /// </summary>
    public static readonly HostDescription SncInterleaved = HostDescription.Regular("snc-interleaved", 1, 8, 2, (_, c, t) => (t * 8) + c, numa: (_, c) => c % 2) with
    {
        Nics = new Dictionary<string, int?> { ["ib0"] = 1 },
    };

    /// <summary>L3 caches that interleave the cores of a package (Slurm keeps hwloc's L3 level): 1 x 8 x 1, L3 {0,2,4,6} and {1,3,5,7}.</summary>
    public static readonly HostDescription L3Interleaved = HostDescription.Regular("l3-interleaved", 1, 8, 1, (_, c, _) => c) with
    {
        L3Caches = [[0, 2, 4, 6], [1, 3, 5, 7]],
    };

    /// <summary>4 packages x 2 cores, two NUMA nodes of two packages each: hwloc groups below the machine are Slurm's Boards=2.</summary>
    public static readonly HostDescription TwoBoards = HostDescription.Regular("two-boards", 4, 2, 1, (s, c, _) => (s * 2) + c, numa: (s, _) => s / 2);

    /// <summary>
    /// Hyperthreading switched off at run time on a siblings-adjacent host: CPUs 1,3,5,7 offline, so
    /// online OS ids reach past the CPU count and slurmd leaves them out of its map.
    /// </summary>
    public static readonly HostDescription SmtOff = HostDescription.Regular("smt-off", 1, 4, 1, (_, c, _) => c * 2) with
    {
        Offline = [1, 3, 5, 7],
    };

    /// <summary>The hosts every oracle and numbering test runs on.</summary>
    public static readonly IReadOnlyList<HostDescription> All = [A, B, C, InterleavedHt, Smt4, CoreIdGaps, CoreIdScrambled, SncInterleaved, L3Interleaved, TwoBoards, SmtOff];

    public static HostDescription ByName(string name) => All.Single(h => h.Name == name);

    public static TheoryData<string> Names => [.. All.Select(h => h.Name)];
}
