namespace HpcWekaSlurm.Topology;

/// <summary>
/// Computes a node's slurm.conf line with the WEKA reservation: WEKA's cores in OS ids (for
/// wekafs core=) and the same cores in Slurm's abstract ids (for CpuSpecList or CoreSpecCount).
/// </summary>
public static class NodeFactsCalculator
{
    public static NodeFacts Compute(HostTopology topology, NodeRequest request)
    {
        var map = SlurmCpuMap.From(topology);
        var warnings = new List<string>(map.Irregularities.Select(i => $"irregular topology: {i}"));
        var selection = WekaCoreSelection.Select(topology, request);
        warnings.AddRange(selection.Warnings);

        var realMemory = SlurmMemory.RealMemoryMiB(topology.MemTotalKiB, request.PageSize);
        var memSpecLimit = MemSpecLimit(request, realMemory);

        IReadOnlyList<int> wekaCpus = [.. selection.Cores.SelectMany(c => c.Cpus).Order()];
        string? cpuSpecList = null;
        int? coreSpecCount = null;
        if (wekaCpus.Count > 0)
        {
            var spec = AbstractSpec(map, wekaCpus);
            cpuSpecList = CpuList.Format(spec);
            var count = selection.Cores.Count;
            if (count < map.TotalCores && map.CoreSpecCountCpus(count).SequenceEqual(spec))
            {
                coreSpecCount = count;
            }
            else if (request.SpecStyle == SpecStyle.CoreSpecCount)
            {
                var slurmsChoice = count < map.TotalCores ? $"would reserve OS CPUs {CpuList.Format(map.ToOs(map.CoreSpecCountCpus(count)))}" : "is more than the node allows";
                throw new TopologyException($"spec_style=core_spec_count: CoreSpecCount={count} {slurmsChoice}, not WEKA's CPUs {CpuList.Format(wekaCpus)}; " +
                                            $"use spec_style=cpu_spec_list (CpuSpecList={cpuSpecList})");
            }
        }

        var line = new NodeLine()
            .Add("NodeName", request.NodeName)
            .Add("CPUs", map.Cpus)
            .Add("Boards", map.Boards)
            .Add("SocketsPerBoard", map.SocketsPerBoard)
            .Add("CoresPerSocket", map.CoresPerSocket)
            .Add("ThreadsPerCore", map.ThreadsPerCore)
            .Add("RealMemory", realMemory);
        if (memSpecLimit is { } limit)
        {
            line.Add("MemSpecLimit", limit);
        }

        if (request.SpecStyle == SpecStyle.CoreSpecCount && coreSpecCount is { } cores)
        {
            line.Add("CoreSpecCount", cores);
        }
        else if (cpuSpecList is not null)
        {
            line.Add("CpuSpecList", cpuSpecList);
        }

        return new NodeFacts
        {
            NodeName = request.NodeName,
            Cpus = map.Cpus,
            Boards = map.Boards,
            SocketsPerBoard = map.SocketsPerBoard,
            CoresPerSocket = map.CoresPerSocket,
            ThreadsPerCore = map.ThreadsPerCore,
            RealMemory = realMemory,
            WekaCores = selection.WekaCores,
            WekaCpus = wekaCpus,
            WekaNumaNode = wekaCpus.Count == 0 ? null : NumaNodeHolding(topology, wekaCpus),
            CpuSpecList = cpuSpecList,
            CoreSpecCount = coreSpecCount,
            MemSpecLimit = memSpecLimit,
            NodeLine = line,
            CpuMap = map,
            Warnings = warnings,
        };
    }

    /// <summary>The abstract CPUs that reserve exactly <paramref name="wekaCpus"/>, checked by mapping them back.</summary>
    private static IReadOnlyList<int> AbstractSpec(SlurmCpuMap map, IReadOnlyList<int> wekaCpus)
    {
        var cannot = $"Slurm's CPU numbering on this host cannot reserve exactly CPUs {CpuList.Format(wekaCpus)}";
        var why = string.Join("; ", map.Irregularities);
        var beyond = wekaCpus.Where(cpu => cpu >= map.Cpus).ToList();
        if (beyond.Count > 0)
        {
            throw new TopologyException($"{cannot}: CPUs {CpuList.Format(beyond)} are beyond slurmd's CPU map 0-{map.Cpus - 1} ({why})");
        }

        var spec = map.SpecFor(wekaCpus);
        return map.ToOs(spec).SequenceEqual(wekaCpus)
            ? spec
            : throw new TopologyException($"{cannot}: CpuSpecList={CpuList.Format(spec)} would reserve CPUs {CpuList.Format(map.ToOs(spec))} ({why})");
    }

    private static long? MemSpecLimit(NodeRequest request, long realMemory)
    {
        foreach (var (option, value) in new[] { ("weka_memory_mb", request.WekaMemoryMb), ("os_memory_mb", request.OsMemoryMb) })
        {
            if (value < 0)
            {
                throw new TopologyException($"{option} must not be negative, got {value}");
            }
        }

        if (request.WekaMemoryMb is null && request.OsMemoryMb is null)
        {
            return null;
        }

        var limit = (request.WekaMemoryMb ?? 0) + (request.OsMemoryMb ?? 0);
        if (limit >= realMemory)
        {
            throw new TopologyException($"weka_memory_mb + os_memory_mb = {limit} MiB leaves nothing for jobs: MemSpecLimit must be below RealMemory={realMemory}");
        }

        return limit;
    }

    private static int? NumaNodeHolding(HostTopology topology, IReadOnlyList<int> cpus)
    {
        var holding = topology.NumaNodes.Where(kv => cpus.All(kv.Value.Contains)).Select(kv => kv.Key).ToList();
        return holding.Count == 1 ? holding[0] : null;
    }
}
