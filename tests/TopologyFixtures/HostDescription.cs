namespace HpcWekaSlurm.TopologyFixtures;

/// <summary>One CPU of a described host: its OS id, package, physical core (Core is a key unique on the host) and the core_id sysfs shows.</summary>
public sealed record CpuDescription(int Os, int Package, int Core, int CoreId);

/// <summary>
/// A host described once, from which the tests generate both the sysfs tree the module reads and
/// the hwloc topology slurmd reads, so both sides see the same machine.
/// </summary>
public sealed record HostDescription
{
    public required string Name { get; init; }

    public required IReadOnlyList<CpuDescription> Cpus { get; init; }

    /// <summary>NUMA node to OS CPU ids.</summary>
    public required IReadOnlyDictionary<int, IReadOnlyList<int>> NumaNodes { get; init; }

    /// <summary>Shared L3 caches (OS CPU ids), when the host has levels inside a package.</summary>
    public IReadOnlyList<IReadOnlyList<int>> L3Caches { get; init; } = [];

    /// <summary>Network interfaces and the numa_node their device reports (null: no device directory).</summary>
    public IReadOnlyDictionary<string, int?> Nics { get; init; } = new Dictionary<string, int?>();

    /// <summary>CPUs that exist but are offline.</summary>
    public IReadOnlyList<int> Offline { get; init; } = [];

    public long MemTotalKiB { get; init; } = 1_024_000;

    public string Hostname { get; init; } = "node1.cluster.example";

    /// <summary>
    /// A regular host: <paramref name="sockets"/> x <paramref name="cores"/> x <paramref name="threads"/>, OS ids from
    /// <paramref name="os"/>(socket, core, thread), core_id from <paramref name="coreId"/>(socket, core) (default: core),
    /// and one NUMA node per socket unless <paramref name="numa"/>(socket, core) says otherwise.
    /// </summary>
    public static HostDescription Regular(
        string name,
        int sockets,
        int cores,
        int threads,
        Func<int, int, int, int> os,
        Func<int, int, int>? coreId = null,
        Func<int, int, int>? numa = null)
    {
        var cpus = new List<CpuDescription>();
        var nodes = new SortedDictionary<int, List<int>>();
        for (var s = 0; s < sockets; s++)
        {
            for (var c = 0; c < cores; c++)
            {
                for (var t = 0; t < threads; t++)
                {
                    var id = os(s, c, t);
                    cpus.Add(new CpuDescription(id, s, (s * cores) + c, coreId?.Invoke(s, c) ?? c));
                    var node = numa?.Invoke(s, c) ?? s;
                    if (!nodes.TryGetValue(node, out var list))
                    {
                        nodes[node] = list = [];
                    }

                    list.Add(id);
                }
            }
        }

        return new HostDescription
        {
            Name = name,
            Cpus = cpus,
            NumaNodes = nodes.ToDictionary(kv => kv.Key, kv => (IReadOnlyList<int>)[.. kv.Value.Order()]),
        };
    }

    public override string ToString() => Name;
}
