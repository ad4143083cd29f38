namespace HpcWekaSlurm.Topology;

/// <summary>
/// Slurm's view of a node's CPUs: the counts slurmd reports (<c>slurmd -C</c>) and the map
/// between Slurm's abstract CPU ids (what CpuSpecList, CPUSpecList and job CPU ids mean) and the
/// OS CPU ids (what cpusets, taskset and WEKA's <c>core=</c> mean).
/// </summary>
/// <remarks>
/// Built as slurmd builds its block map (src/slurmd/common/xcpuinfo.c, xcpuinfo_hwloc_topo_get):
/// the abstract id of a thread is (global core index) x ThreadsPerCore + (thread index within the core),
/// cores counted socket by socket in hwloc's order; ids that fall outside the CPU count keep
/// slurmd's identity default, and that irregularity is reported.
/// </remarks>
public sealed class SlurmCpuMap
{
    private readonly int[] _toOs;
    private readonly int[] _toAbstract;

    private SlurmCpuMap(int cpus, int boards, int sockets, int coresPerSocket, int threadsPerCore, int[] toOs, int[] toAbstract, IReadOnlyList<string> irregularities)
    {
        Cpus = cpus;
        Boards = boards;
        Sockets = sockets;
        CoresPerSocket = coresPerSocket;
        ThreadsPerCore = threadsPerCore;
        _toOs = toOs;
        _toAbstract = toAbstract;
        Irregularities = irregularities;
    }

    public int Cpus { get; }
    public int Boards { get; }
    public int Sockets { get; }
    public int SocketsPerBoard => Sockets / Boards;
    public int CoresPerSocket { get; }
    public int ThreadsPerCore { get; }
    public int TotalCores => Sockets * CoresPerSocket;

    /// <summary>OS CPU id of each abstract id (index = abstract id), as slurmd's "CPU map[abstract]=>os" log lines.</summary>
    public IReadOnlyList<int> AbstractToOs => _toOs;

    /// <summary>Why slurmd's numbering on this host is not a clean core-by-core map (empty on regular hosts).</summary>
    public IReadOnlyList<string> Irregularities { get; }

    public static SlurmCpuMap From(HostTopology topology)
    {
        var irregular = new List<string>();
        var cpus = topology.OnlineCpus.Count;
        var cores = topology.Cores.Count;
        var sockets = topology.Sockets.Count;
        var threads = cpus / cores;
        if (cpus % cores != 0)
        {
            irregular.Add($"{cpus} CPUs on {cores} cores: cores have different thread counts, Slurm assumes {threads} per core");
        }

        if (cores % sockets != 0)
        {
            irregular.Add($"{cores} cores on {sockets} sockets: sockets have different core counts, Slurm assumes {cores / sockets} per socket");
        }

        int[] toOs = [.. Enumerable.Range(0, cpus)];
        int[] toAbstract = [.. Enumerable.Range(0, cpus)];
        for (var core = 0; core < cores; core++)
        {
            var threadsOfCore = topology.Cores[core].Cpus;
            for (var thread = 0; thread < Math.Min(threads, threadsOfCore.Count); thread++)
            {
                var os = threadsOfCore[thread];
                var abstractId = (core * threads) + thread;
                if (os >= cpus || abstractId >= cpus)
                {
                    irregular.Add($"OS CPU {os} (abstract {abstractId}) is outside 0-{cpus - 1}: slurmd leaves it out of its CPU map (offline CPUs between online ones?)");
                    continue;
                }

                toOs[abstractId] = os;
                toAbstract[os] = abstractId;
            }
        }

        return new SlurmCpuMap(cpus, topology.Boards, sockets, cores / sockets, threads, toOs, toAbstract, irregular);
    }

    /// <summary>OS CPU ids of abstract ids, sorted.</summary>
    /// <exception cref="TopologyException">An id is not below CPUs.</exception>
    public IReadOnlyList<int> ToOs(IEnumerable<int> abstractIds) => [.. abstractIds.Select(a => _toOs[Check(a, "abstract CPU id")]).Distinct().Order()];

    /// <summary>Abstract ids of OS CPU ids, sorted.</summary>
    /// <exception cref="TopologyException">An id is not below CPUs.</exception>
    public IReadOnlyList<int> ToAbstract(IEnumerable<int> osIds) => [.. osIds.Select(o => _toAbstract[Check(o, "OS CPU id")]).Distinct().Order()];

    /// <summary>The abstract CPUs a CpuSpecList reserves: slurmd and slurmctld widen every listed CPU to its whole core.</summary>
    public IReadOnlyList<int> WidenToCores(IEnumerable<int> abstractIds) =>
        [.. abstractIds.Select(a => Check(a, "abstract CPU id") / ThreadsPerCore).Distinct().Order().SelectMany(CoreCpus)];

    /// <summary>
    /// The abstract CPUs of the CpuSpecList that keeps jobs off the cores holding these OS CPUs
    /// (whole cores, siblings included); format it with <see cref="CpuList.Format"/>.
    /// </summary>
    public IReadOnlyList<int> SpecFor(IEnumerable<int> osCpus) => WidenToCores(ToAbstract(osCpus));

    /// <summary>
    /// The abstract CPUs CoreSpecCount=<paramref name="count"/> reserves (slurmd.c, _select_spec_cores):
    /// the highest core of the last socket, then the highest core of the socket before, and so on,
    /// before moving to the next lower core index.
    /// </summary>
    /// <exception cref="TopologyException">count is not between 1 and the cores minus one (slurmd rejects it).</exception>
    public IReadOnlyList<int> CoreSpecCountCpus(int count)
    {
        if (count < 1 || count >= TotalCores)
        {
            throw new TopologyException($"CoreSpecCount={count} is out of range: the node has {TotalCores} cores and slurmd needs at least one left for jobs");
        }

        var chosen = new List<int>();
        for (var core = CoresPerSocket - 1; core >= 0 && chosen.Count < count; core--)
        {
            for (var socket = Sockets - 1; socket >= 0 && chosen.Count < count; socket--)
            {
                chosen.Add((socket * CoresPerSocket) + core);
            }
        }

        return [.. chosen.Order().SelectMany(CoreCpus)];
    }

    private IEnumerable<int> CoreCpus(int abstractCore) => Enumerable.Range(abstractCore * ThreadsPerCore, ThreadsPerCore);

    private int Check(int id, string what) =>
        id >= 0 && id < Cpus ? id : throw new TopologyException($"{what} {id} is outside this node's 0-{Cpus - 1}");
}
