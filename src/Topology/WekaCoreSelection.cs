namespace HpcWekaSlurm.Topology;

/// <summary>
/// Which physical cores WEKA gets: the ones named by <c>weka_cores</c>, or <c>weka_core_count</c>
/// cores picked from the end of the NIC's NUMA node (else of the last socket). The core holding
/// OS CPU 0 (both of its hyperthreads) is never WEKA's: the kernel keeps housekeeping work there.
/// </summary>
public static class WekaCoreSelection
{
    public sealed record Selection(IReadOnlyList<PhysicalCore> Cores, IReadOnlyList<int> WekaCores, IReadOnlyList<string> Warnings);

    public static Selection Select(HostTopology topology, NodeRequest request)
    {
        if (request.WekaCores is not null && request.WekaCoreCount is not null)
        {
            throw new TopologyException("weka_cores and weka_core_count are mutually exclusive: give the OS CPU ids, or a count to pick");
        }

        if (request.WekaCores is { } given)
        {
            return Given(topology, given, request.WekaNic);
        }

        return request.WekaCoreCount is { } count ? Picked(topology, count, request.WekaNic) : new Selection([], [], []);
    }

    private static Selection Given(HostTopology topology, IReadOnlyList<int> ids, NicLocation? nic)
    {
        if (ids.Count == 0)
        {
            throw new TopologyException("weka_cores is empty: give at least one OS CPU id, or leave it out for no reservation");
        }

        var online = CpuList.Format(topology.OnlineCpus);
        var cores = new List<PhysicalCore>();
        for (var index = 0; index < ids.Count; index++)
        {
            var id = ids[index];
            var core = topology.CoreOf(id) ?? throw new TopologyException($"weka_cores: CPU {id} is not online on this host (online: {online})");
            if (core.Cpus.Contains(0))
            {
                throw new TopologyException($"weka_cores: CPU {id} is on physical core 0 ({Cpus(core)}), which WEKA must not use: the kernel's housekeeping runs there");
            }

            if (ids.Take(index).FirstOrDefault(core.Cpus.Contains, -1) is var earlier and >= 0)
            {
                throw new TopologyException(earlier == id
                    ? $"weka_cores: CPU {id} is listed twice"
                    : $"weka_cores: CPUs {earlier} and {id} are hyperthreads of the same physical core ({Cpus(core)}); give one CPU per core");
            }

            cores.Add(core);
        }

        var warnings = new List<string>();
        if (nic?.NumaNode is { } node && topology.NumaNodes.TryGetValue(node, out var local))
        {
            var remote = ids.Where(i => !local.Contains(i)).ToList();
            if (remote.Count > 0)
            {
                warnings.Add($"weka_cores {CpuList.Format(remote)} are not on NUMA node {node} of weka_nic '{nic.Name}' (its CPUs: {CpuList.Format(local)}): WEKA's traffic will cross NUMA nodes");
            }
        }

        return new Selection(cores, ids, warnings);
    }

    private static Selection Picked(HostTopology topology, int count, NicLocation? nic)
    {
        if (count < 1)
        {
            throw new TopologyException($"weka_core_count must be at least 1, got {count}");
        }

        var warnings = new List<string>();
        IReadOnlyList<PhysicalCore> pool;
        string where;
        if (nic is { NumaNode: { } node } && topology.NumaNodes.TryGetValue(node, out var local))
        {
            pool = [.. topology.Cores.Where(c => c.Cpus.All(local.Contains))];
            where = $"NUMA node {node} of weka_nic '{nic.Name}'";
        }
        else
        {
            if (nic is not null)
            {
                warnings.Add($"the NUMA node of weka_nic '{nic.Name}' is unknown (no device, or numa_node -1): WEKA's cores are picked from the last socket");
            }

            var last = topology.Sockets[^1];
            pool = last.Cores;
            where = $"the last socket (package {last.PackageId})";
        }

        var usable = pool.Where(c => !c.Cpus.Contains(0)).ToList();
        if (count > usable.Count)
        {
            throw new TopologyException($"weka_core_count: {count} cores asked, but {where} has only {usable.Count} cores WEKA may use (core 0 excluded)");
        }

        // The last cores in Slurm's order: they are the ones CoreSpecCount also starts from.
        var chosen = usable.TakeLast(count).ToList();
        return new Selection(chosen, [.. chosen.Select(c => c.FirstCpu).Order()], warnings);
    }

    private static string Cpus(PhysicalCore core) => core.Cpus.Count == 1 ? $"CPU {core.Cpus[0]}" : $"CPUs {CpuList.Format(core.Cpus)}";
}
