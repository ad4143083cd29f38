using System.Globalization;
using HpcWekaSlurm.Topology;
using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>
/// What the host's wekafs mounts say about the WEKA client: the frontend CPUs given with
/// <c>core=</c> (OS ids), <c>num_cores=</c> (WEKA picks the cores itself) and <c>memory_mb=</c>.
/// All mounts of a host share the client, so the values of every mount are taken together.
/// </summary>
public sealed record WekaMounts(IReadOnlyList<int> Cores, bool PicksOwnCores, long? MemoryMb)
{
    public static readonly WekaMounts None = new([], false, null);

    public static WekaMounts From(MountInfoTable mounts)
    {
        var options = mounts.Entries.Where(e => e.IsWekafs).SelectMany(e => e.AllOptions).ToList();
        IReadOnlyList<int> cores = [.. options.Values("core").Select(v => Number(v, "core")).Select(Cpu).Distinct().Order()];
        var memory = options.Values("memory_mb").Select(v => Number(v, "memory_mb")).DefaultIfEmpty(-1).Max();
        return new WekaMounts(cores, options.Has("num_cores") && cores.Count == 0, memory < 0 ? null : memory);
    }

    private static int Cpu(long id) =>
        id <= CpuList.MaxId ? (int)id : throw new AuditException($"a wekafs mount in mountinfo has core={id}, above the largest CPU id {CpuList.MaxId}");

    private static long Number(string value, string option) =>
        long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new AuditException($"a wekafs mount in mountinfo has {option}={value}, which is not a number");
}
