namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// A value a task asks for. Several values mean one line each (SlurmctldHost); <see cref="Boolean"/>
/// marks a yes/no given as a bool, so an existing "YES", "yes", "true" or "1" already matches.
/// </summary>
public sealed record DesiredValue(IReadOnlyList<string> Values, bool Boolean = false)
{
    public static DesiredValue Of(string value) => new([value]);

    public static DesiredValue Of(bool value) => new([value ? "yes" : "no"], Boolean: true);

    public string Text => string.Join(',', Values);

    /// <summary>True when <paramref name="existing"/> already means this value (one line's worth).</summary>
    public bool Matches(string existing, int index = 0) =>
        string.Equals(existing, Values[index], StringComparison.Ordinal) ||
        (Boolean && ParseBoolean(existing) is { } b && ParseBoolean(Values[index]) == b);

    /// <summary>Slurm's boolean spellings (parse_config.c s_p_handle_boolean).</summary>
    public static bool? ParseBoolean(string value) => value.ToLowerInvariant() switch
    {
        "yes" or "up" or "true" or "1" => true,
        "no" or "down" or "false" or "0" => false,
        _ => null,
    };
}

/// <summary>A line record the task asks for (NodeName=..., PartitionName=..., a gres.conf line): its name and attributes; a null attribute removes it.</summary>
public sealed record LineSpec(string Name, IReadOnlyList<KeyValuePair<string, DesiredValue?>> Attributes)
{
    /// <summary>Reads a whole line such as <c>NodeName=n1 CPUs=4 CpuSpecList=3</c> (what slurm_node_facts returns as node_line).</summary>
    /// <exception cref="ArgumentException">The text is not a <paramref name="lineKey"/> line.</exception>
    public static LineSpec FromLine(string text, string lineKey, ConfDialect dialect)
    {
        var record = ConfRecord.Parse(ConfText.FromUser(text.Trim()), dialect);
        if (record.Kind != ConfRecordKind.Line || !record.Is(lineKey) || record.Leftover.Length > 0)
        {
            throw new ArgumentException($"'{text}' is not a {lineKey}=... line of Key=Value pairs");
        }

        return new LineSpec(
            ConfText.ToDisplay(record.Pairs[0].Value),
            record.Pairs.Skip(1).Select(p => new KeyValuePair<string, DesiredValue?>(p.Key, DesiredValue.Of(ConfText.ToDisplay(p.Value)))).ToList());
    }
}

/// <summary>One change a plan makes, for the module's <c>changes</c> result and the restart rules.</summary>
/// <param name="Scope">setting, node, partition, gres...</param>
/// <param name="Name">The line's name (node list, partition) for line records; null for settings.</param>
/// <param name="Key">The key that changed; null when a whole line was added or removed.</param>
public sealed record ConfChange(string Scope, string? Name, string? Key, string? Before, string? After);
