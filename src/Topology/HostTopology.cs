namespace HpcWekaSlurm.Topology;

/// <summary>
/// A host's online CPUs arranged as Slurm sees them through hwloc: sockets in order, each with
/// its cores in order, each core with its hardware threads; plus NUMA nodes and memory.
/// </summary>
public sealed class HostTopology
{
    private readonly Dictionary<int, PhysicalCore> _coreOfCpu;

    private HostTopology(IReadOnlyList<Socket> sockets, int boards, IReadOnlyDictionary<int, IReadOnlyList<int>> numaNodes, long memTotalKiB)
    {
        Sockets = sockets;
        Boards = boards;
        NumaNodes = numaNodes;
        MemTotalKiB = memTotalKiB;
        Cores = [.. sockets.SelectMany(s => s.Cores)];
        _coreOfCpu = Cores.SelectMany(c => c.Cpus.Select(cpu => (cpu, c))).ToDictionary(x => x.cpu, x => x.c);
        OnlineCpus = [.. _coreOfCpu.Keys.Order()];
    }

    public IReadOnlyList<Socket> Sockets { get; }

    /// <summary>All cores in Slurm's order: the index here is Slurm's abstract core id.</summary>
    public IReadOnlyList<PhysicalCore> Cores { get; }

    public IReadOnlyList<int> OnlineCpus { get; }

    /// <summary>What slurmd reports as Boards: hwloc groups directly below the machine, else 1.</summary>
    public int Boards { get; }

    /// <summary>NUMA node id to its online CPUs (empty for memory-only nodes).</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<int>> NumaNodes { get; }

    /// <summary>MemTotal from /proc/meminfo, in KiB.</summary>
    public long MemTotalKiB { get; }

    /// <summary>The physical core holding an online CPU, or null when the CPU is not online.</summary>
    public PhysicalCore? CoreOf(int cpu) => _coreOfCpu.GetValueOrDefault(cpu);

    /// <param name="cpus">The online CPUs.</param>
    /// <param name="groups">CPU sets that form levels between packages and cores in hwloc (dies, clusters, L3 caches); NUMA nodes are added from <paramref name="numaNodes"/>.</param>
    /// <param name="numaNodes">NUMA node id to its CPUs.</param>
    /// <param name="memTotalKiB">MemTotal in KiB.</param>
    public static HostTopology Build(
        IEnumerable<LogicalCpu> cpus,
        IEnumerable<IReadOnlyList<int>> groups,
        IReadOnlyDictionary<int, IReadOnlyList<int>> numaNodes,
        long memTotalKiB)
    {
        var byId = cpus.ToDictionary(c => c.Id);
        if (byId.Count == 0)
        {
            throw new TopologyException("no online CPU found");
        }

        var coreOf = new Dictionary<int, IReadOnlyList<int>>();
        var cores = new List<IReadOnlyList<int>>();
        foreach (var cpu in byId.Values.OrderBy(c => c.Id))
        {
            // Offline siblings are not part of the topology, as in hwloc.
            IReadOnlyList<int> siblings = [.. cpu.ThreadSiblings.Where(byId.ContainsKey).Append(cpu.Id).Distinct().Order()];
            if (coreOf.TryGetValue(cpu.Id, out var known))
            {
                if (!known.SequenceEqual(siblings))
                {
                    throw new TopologyException($"cpu{cpu.Id}: its thread siblings {CpuList.Format(siblings)} disagree with those of its sibling cpu{known[0]} ({CpuList.Format(known)})");
                }

                continue;
            }

            foreach (var sibling in siblings)
            {
                if (byId[sibling].PackageId != cpu.PackageId)
                {
                    throw new TopologyException($"cpu{cpu.Id} and its thread sibling cpu{sibling} are in different packages");
                }

                if (!coreOf.TryAdd(sibling, siblings))
                {
                    throw new TopologyException($"cpu{sibling} is listed as a thread of two cores ({CpuList.Format(coreOf[sibling])} and {CpuList.Format(siblings)})");
                }
            }

            cores.Add(siblings);
        }

        var packageIds = byId.Values.Select(c => c.PackageId).Distinct().Order().ToList();
        IReadOnlyList<IReadOnlyList<int>> packages = [.. packageIds.Select(p => (IReadOnlyList<int>)[.. byId.Values.Where(c => c.PackageId == p).Select(c => c.Id).Order()])];
        var arrangement = HwlocOrder.Arrange(packages, cores, groups.Concat(numaNodes.Values));

        var sockets = arrangement.Packages.Select(p => new Socket(
            packageIds[p.Package],
            [.. p.Cores.Select(i => new PhysicalCore(byId[cores[i][0]].PackageId, byId[cores[i][0]].CoreId, cores[i]))])).ToList();
        var online = numaNodes.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<int>)[.. kv.Value.Where(byId.ContainsKey).Order()]);
        return new HostTopology(sockets, arrangement.Boards, online, memTotalKiB);
    }
}
