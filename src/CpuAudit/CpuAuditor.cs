using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>
/// Compares the CPUs WEKA's client is pinned to with the CPUs Slurm may give to jobs. Slurm reports
/// its reservation in abstract ids (CPUSpecList) or as a count (CoreSpecCount); both are mapped to
/// OS ids with the same <see cref="SlurmCpuMap"/> slurm_node_facts uses, i.e. as slurmd maps them.
/// A pure function of the topology, Slurm's report and the live state.
/// </summary>
public static class CpuAuditor
{
    public static AuditReport Audit(HostTopology topology, SlurmNodeRecord slurm, LiveState live)
    {
        var map = SlurmCpuMap.From(topology);
        CheckLayout(slurm, map);
        var (reserved, reservedBy) = Reserved(slurm, map);
        var slurmCpus = map.ToOs(Enumerable.Range(0, map.Cpus));
        IReadOnlyList<int> jobCpus = [.. slurmCpus.Except(reserved)];

        var weka = live.WekaCpus;
        var offline = weka.Where(c => topology.CoreOf(c) is null).ToList();
        if (offline.Count > 0)
        {
            throw new AuditException($"WEKA's {Cpus(offline)} ({Source(live)}) {Be(offline)} not online on this host (online: {CpuList.Format(topology.OnlineCpus)})");
        }

        IReadOnlyList<int> wekaCores = [.. weka.SelectMany(c => topology.CoreOf(c)!.Cpus).Distinct().Order()];
        IReadOnlyList<int> overlap = [.. weka.Intersect(jobCpus)];
        IReadOnlyList<int> siblings = [.. wekaCores.Except(weka).Intersect(jobCpus)];
        IReadOnlyList<int> overReserved = weka.Count > 0 ? [.. reserved.Except(wekaCores)] : [];
        var memory = new MemoryAudit(slurm.MemSpecLimit, slurm.RealMemory, live.HugepagesMiB, live.Mounts.MemoryMb);

        var warnings = new List<string>(live.Notes);
        warnings.AddRange(map.Irregularities.Select(i => $"irregular topology: {i}"));
        var expected = weka.Count > 0 ? ExpectedSpec(map, wekaCores, warnings) : null;
        if (weka.Count == 0)
        {
            warnings.Add($"no WEKA CPUs found: no cgroup {live.WekaCgroup ?? "(no cpuset hierarchy)"} with CPUs, and no wekafs mount with core=" +
                         (live.Mounts.PicksOwnCores ? " (the wekafs mounts use num_cores=: WEKA picks its cores itself; pin them with core= to audit them)" : string.Empty));
        }

        var coreZero = topology.CoreOf(0)?.Cpus ?? [];
        if (weka.Intersect(coreZero).ToList() is { Count: > 0 } onCoreZero)
        {
            warnings.Add($"WEKA is pinned to {Cpus(onCoreZero)} on physical core 0, where the kernel's housekeeping runs: give WEKA another core (wekafs core=, or its cgroup)");
        }

        if (overReserved.Count > 0)
        {
            warnings.Add($"over-reserved: {reservedBy} also keeps {Cpus(overReserved)} from jobs, which are on no WEKA core " +
                         $"(CpuSpecList={expected} reserves WEKA's cores only; keep the extra cores only if the OS needs them)");
        }

        warnings.AddRange(MemoryWarnings(memory));
        warnings.AddRange(SlurmdWarnings(live.Slurmd, reserved, jobCpus, weka));

        return new AuditReport
        {
            NodeName = slurm.NodeName,
            WekaCpus = weka,
            WekaSource = live.WekaSource,
            WekaCgroup = live.WekaCgroup,
            SlurmReservedCpus = reserved,
            JobCpus = jobCpus,
            Overlap = overlap,
            UnreservedSiblings = siblings,
            OverReserved = overReserved,
            ExpectedCpuSpecList = expected,
            Slurmd = live.Slurmd,
            Memory = memory,
            Verdict = Verdict(slurm, live, reserved, reservedBy, overlap, siblings, overReserved, memory, expected),
            Warnings = warnings,
        };
    }

    /// <summary>Slurm's numbering depends on the layout: a report of another layout cannot be mapped to this host's CPUs.</summary>
    private static void CheckLayout(SlurmNodeRecord slurm, SlurmCpuMap map)
    {
        var differences = new[]
            {
                ("CPUTot", slurm.CpuTot, map.Cpus),
                ("Sockets", slurm.Sockets, map.Sockets),
                ("CoresPerSocket", slurm.CoresPerSocket, map.CoresPerSocket),
                ("ThreadsPerCore", slurm.ThreadsPerCore, map.ThreadsPerCore),
            }
            .Where(d => d.Item2 is { } reported && reported != d.Item3)
            .Select(d => $"{d.Item1}={d.Item2} (this host: {d.Item3})")
            .ToList();
        if (differences.Count > 0)
        {
            throw new AuditException($"scontrol reports node {slurm.NodeName} with {string.Join(", ", differences)}: the output is not this host's, " +
                                     "or the node line in slurm.conf does not match the hardware; Slurm's CPU ids cannot be mapped to this host's CPUs");
        }
    }

    private static (IReadOnlyList<int> Cpus, string By) Reserved(SlurmNodeRecord slurm, SlurmCpuMap map)
    {
        try
        {
            if (slurm.CpuSpecList is { } list)
            {
                // scontrol shows whole cores once slurmd registered; before, the configured list, which slurmd widens the same way.
                return (map.ToOs(map.WidenToCores(CpuList.Parse(list))), $"CPUSpecList={list}");
            }

            return slurm.CoreSpecCount is > 0 and var count
                ? (map.ToOs(map.CoreSpecCountCpus(count)), $"CoreSpecCount={count}")
                : ([], "no CPUSpecList or CoreSpecCount");
        }
        catch (Exception e) when (e is FormatException or TopologyException)
        {
            throw new AuditException($"scontrol output, node {slurm.NodeName}: {e.Message}");
        }
    }

    private static string? ExpectedSpec(SlurmCpuMap map, IReadOnlyList<int> wekaCores, List<string> warnings)
    {
        try
        {
            return CpuList.Format(map.SpecFor(wekaCores));
        }
        catch (TopologyException e)
        {
            warnings.Add($"no CpuSpecList can reserve WEKA's cores {CpuList.Format(wekaCores)} on this host: {e.Message}");
            return null;
        }
    }

    private static IEnumerable<string> MemoryWarnings(MemoryAudit memory)
    {
        if (memory.WekaMemory is not { } weka || memory.Ok == true)
        {
            yield break;
        }

        var what = memory.HugepagesMiB is > 0 ? "in hugepages" : "per the wekafs mount's memory_mb";
        yield return memory.MemSpecLimit is { } limit
            ? $"memory: MemSpecLimit={limit} MiB is below the {weka} MiB WEKA's client holds {what}: jobs may be given {memory.Shortfall} MiB of it (MemSpecLimit must cover WEKA and the OS)"
            : $"memory: no MemSpecLimit, so jobs may be given the {weka} MiB WEKA's client holds {what} (set MemSpecLimit to cover WEKA and the OS)";
    }

    /// <summary>
    /// slurmd confines itself to the reserved CPUs, or to all the others with TaskPluginParam=SlurmdOffSpec
    /// (slurmd.c, _core_spec_init); any other set means slurmd applied a reservation slurmctld no longer reports.
    /// </summary>
    private static IEnumerable<string> SlurmdWarnings(CgroupCpus? slurmd, IReadOnlyList<int> reserved, IReadOnlyList<int> jobCpus, IReadOnlyList<int> weka)
    {
        if (slurmd is not { Cpus.Count: > 0 } cgroup)
        {
            yield break;
        }

        if (cgroup.Cpus.SequenceEqual(reserved))
        {
            var shared = cgroup.Cpus.Intersect(weka).ToList();
            if (shared.Count > 0)
            {
                yield return $"slurmd runs on WEKA's {Cpus(shared)} (its cgroup {cgroup.Path} holds the reserved CPUs): set TaskPluginParam=SlurmdOffSpec to keep Slurm's daemons off them";
            }
        }
        else if (!cgroup.Cpus.SequenceEqual(jobCpus))
        {
            yield return $"slurmd's cgroup {cgroup.Path} holds {Cpus(cgroup.Cpus)}, neither the reserved {Cpus(reserved)} nor the others: " +
                         "slurmd applied another CPU reservation than slurmctld reports (restart slurmd after changing CpuSpecList)";
        }
    }

    private static string Verdict(SlurmNodeRecord slurm, LiveState live, IReadOnlyList<int> reserved, string reservedBy, IReadOnlyList<int> overlap,
        IReadOnlyList<int> siblings, IReadOnlyList<int> overReserved, MemoryAudit memory, string? expected)
    {
        var node = $"node {slurm.NodeName}";
        if (live.WekaCpus.Count == 0)
        {
            return $"NOTHING TO AUDIT: no WEKA CPUs found on {node}; Slurm reserves {(reserved.Count > 0 ? $"{Cpus(reserved)} ({reservedBy})" : "no CPUs")}";
        }

        if (overlap.Count > 0)
        {
            var both = siblings.Count > 0 ? $", and so {Be(siblings)} hyperthread {Cpus(siblings)} of WEKA's cores" : string.Empty;
            var reservation = reserved.Count > 0 ? $"{reservedBy} reserves OS {Cpus(reserved)} only{OsIdsHint(slurm, live.WekaCpus)}" : $"{node} reserves no CPUs ({reservedBy})";
            var fix = expected is null ? "no CpuSpecList can reserve them exactly (see the warnings)" : $"set CpuSpecList={expected} in {slurm.NodeName}'s node line";
            return $"FAIL: WEKA's {Cpus(overlap)} {Be(overlap)} open to Slurm jobs on {node}{both}: {reservation}; {fix}";
        }

        var notes = new List<string>();
        if (overReserved.Count > 0)
        {
            notes.Add($"over-reserved: {Cpus(overReserved)} also kept from jobs");
        }

        if (memory.Ok == false)
        {
            notes.Add($"memory: MemSpecLimit {memory.MemSpecLimit?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unset"} < WEKA's {memory.WekaMemory} MiB");
        }

        return $"OK: WEKA's {Cpus(live.WekaCpus)} ({Source(live)}) {Be(live.WekaCpus)} kept from Slurm jobs on {node} by {reservedBy}" +
               string.Concat(notes.Select(n => "; " + n));
    }

    /// <summary>The WEKA guide's mistake: a CpuSpecList written in OS ids, which Slurm reads as abstract ids.</summary>
    private static string OsIdsHint(SlurmNodeRecord slurm, IReadOnlyList<int> weka)
    {
        if (slurm.CpuSpecList is not { } list)
        {
            return string.Empty;
        }

        var asOsIds = CpuList.Parse(list);
        return weka.All(asOsIds.Contains) ? " (CpuSpecList takes Slurm's abstract CPU ids, and these look like the OS ids WEKA uses)" : string.Empty;
    }

    private static string Source(LiveState live) => live.WekaSource switch
    {
        WekaCpuSource.Cgroup => $"cgroup {live.WekaCgroup}",
        WekaCpuSource.MountOptions => "wekafs core=",
        _ => "not found",
    };

    private static string Cpus(IReadOnlyCollection<int> cpus) => (cpus.Count == 1 ? "CPU " : "CPUs ") + CpuList.Format(cpus);

    private static string Be(IReadOnlyCollection<int> cpus) => cpus.Count == 1 ? "is" : "are";
}
