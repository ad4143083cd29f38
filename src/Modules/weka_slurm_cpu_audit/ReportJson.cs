using System.Text.Json.Nodes;
using HpcWekaSlurm.CpuAudit;

namespace HpcWekaSlurm.Modules.WekaSlurmCpuAudit;

/// <summary>The module's return values (documented under RETURN in the sidecar).</summary>
public static class ReportJson
{
    public static IEnumerable<KeyValuePair<string, JsonNode?>> From(AuditReport report) =>
    [
        new("node_name", report.NodeName),
        new("weka_cpus", Ints(report.WekaCpus)),
        new("weka_source", report.WekaSource switch
        {
            WekaCpuSource.Cgroup => "cgroup",
            WekaCpuSource.MountOptions => "mount_options",
            _ => "none",
        }),
        new("weka_cgroup", report.WekaCgroup),
        new("slurm_reserved_cpus", Ints(report.SlurmReservedCpus)),
        new("job_cpus", Ints(report.JobCpus)),
        new("overlap", Ints(report.Overlap)),
        new("unreserved_siblings", Ints(report.UnreservedSiblings)),
        new("over_reserved", Ints(report.OverReserved)),
        new("expected_cpu_spec_list", report.ExpectedCpuSpecList),
        new("slurmd_cgroup", report.Slurmd?.Path),
        new("slurmd_cpus", report.Slurmd is { } slurmd ? Ints(slurmd.Cpus) : null),
        new("memory", new JsonObject
        {
            ["mem_spec_limit_mb"] = report.Memory.MemSpecLimit,
            ["real_memory_mb"] = report.Memory.RealMemory,
            ["hugepages_mb"] = report.Memory.HugepagesMiB,
            ["weka_mount_memory_mb"] = report.Memory.WekaMountMemoryMb,
            ["weka_memory_mb"] = report.Memory.WekaMemory,
            ["shortfall_mb"] = report.Memory.Shortfall,
            ["ok"] = report.Memory.Ok,
        }),
        new("verdict", report.Verdict),
    ];

    private static JsonArray Ints(IEnumerable<int> ids) => new([.. ids.Select(i => (JsonNode?)i)]);
}
