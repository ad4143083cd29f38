namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// What differs between Slurm's config files for the parser: which keys open a "line" record
/// (a key whose handler takes the rest of the line as that record's attributes).
/// </summary>
public sealed class ConfDialect
{
    private readonly HashSet<string> _lineKeys;

    private ConfDialect(string name, params string[] lineKeys)
    {
        Name = name;
        _lineKeys = new HashSet<string>(lineKeys, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>slurm.conf: NodeName, PartitionName and the other S_P_ARRAY line types of read_config.c.</summary>
    public static ConfDialect SlurmConf { get; } = new("slurm.conf", "NodeName", "PartitionName", "NodeSet", "FrontendName", "DownNodes");

    /// <summary>gres.conf: a record starts with Name= or NodeName= (gres.c); AutoDetect alone is global.</summary>
    public static ConfDialect GresConf { get; } = new("gres.conf", "NodeName", "Name");

    /// <summary>cgroup.conf, slurmdbd.conf: one key per line, no line records.</summary>
    public static ConfDialect KeyValue { get; } = new("key=value");

    public string Name { get; }

    public bool IsLineKey(string key) => _lineKeys.Contains(key);
}
