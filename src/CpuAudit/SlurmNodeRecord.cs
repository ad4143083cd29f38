using System.Globalization;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>One node of <c>scontrol show node</c>: its fields by name, with typed access to those the audit uses.</summary>
public sealed class SlurmNodeRecord(IReadOnlyDictionary<string, string> fields)
{
    public IReadOnlyDictionary<string, string> Fields { get; } = fields;

    public string NodeName => Fields["NodeName"];

    public int? CpuTot => Int("CPUTot");

    /// <summary>All sockets of the node (scontrol prints the total, not per board).</summary>
    public int? Sockets => Int("Sockets");

    public int? CoresPerSocket => Int("CoresPerSocket");

    public int? ThreadsPerCore => Int("ThreadsPerCore");

    /// <summary>Slurm's abstract CPU ids, whole cores once slurmd has registered (e.g. 46-47,94-95 for a configured 47,95).</summary>
    public string? CpuSpecList => Fields.GetValueOrDefault("CPUSpecList");

    public int? CoreSpecCount => Int("CoreSpecCount");

    /// <summary>MiB.</summary>
    public long? MemSpecLimit => Long("MemSpecLimit");

    /// <summary>MiB.</summary>
    public long? RealMemory => Long("RealMemory");

    public string? State => Fields.GetValueOrDefault("State");

    private int? Int(string key) => Long(key) is { } value
        ? value <= int.MaxValue ? (int)value : throw new AuditException($"scontrol output, node {NodeName}: {key}={value} is out of range")
        : null;

    private long? Long(string key) => Fields.TryGetValue(key, out var text)
        ? long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new AuditException($"scontrol output, node {NodeName}: {key}='{text}' is not a number")
        : null;
}
