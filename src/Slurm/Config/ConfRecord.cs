namespace HpcWekaSlurm.Slurm.Config;

public enum ConfRecordKind
{
    /// <summary>Blank or comment-only lines.</summary>
    Trivia,

    /// <summary>An <c>Include FILE</c> directive.</summary>
    Include,

    /// <summary>A global <c>Key=Value</c>.</summary>
    Setting,

    /// <summary>A line record such as <c>NodeName=... CPUs=...</c>: its first key names it, the rest are its attributes.</summary>
    Line,

    /// <summary>Text Slurm would reject (no key=value found).</summary>
    Invalid,
}

/// <summary>
/// One logical line of a Slurm config file (physical lines joined by continuation backslashes),
/// holding its exact raw text including line endings. Edits return a new record in which only the
/// edited value's bytes differ.
/// </summary>
public sealed class ConfRecord
{
    private ConfRecord(string raw, ConfDialect dialect, ConfTokenizer.Result parsed)
    {
        Raw = raw;
        Dialect = dialect;
        Pairs = parsed.Pairs;
        IncludePath = parsed.IncludePath;
        Leftover = parsed.Leftover;
        Kind = parsed.IncludePath is not null ? ConfRecordKind.Include
            : Pairs.Count > 0 ? (dialect.IsLineKey(Pairs[0].Key) ? ConfRecordKind.Line : ConfRecordKind.Setting)
            : parsed.HasContent ? ConfRecordKind.Invalid
            : ConfRecordKind.Trivia;
    }

    /// <summary>Exact text, line endings included.</summary>
    public string Raw { get; }

    public ConfDialect Dialect { get; }

    public ConfRecordKind Kind { get; }

    public IReadOnlyList<ConfPair> Pairs { get; }

    public string? IncludePath { get; }

    /// <summary>Non-blank text after the last pair that Slurm would report as a parse error.</summary>
    public string Leftover { get; }

    /// <summary>The record's line ending ("\r\n", "\n", or "" on an unterminated last line).</summary>
    public string Ending => Raw.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : Raw.EndsWith('\n') ? "\n" : string.Empty;

    /// <summary>For a line record: its first key (e.g. NodeName). For a setting: its key.</summary>
    public string? Key => Pairs.Count > 0 ? Pairs[0].Key : null;

    /// <summary>For a line record: the value of its first key (e.g. the node names).</summary>
    public string? Name => Kind == ConfRecordKind.Line ? Pairs[0].Value : null;

    public static ConfRecord Parse(string raw, ConfDialect dialect) => new(raw, dialect, ConfTokenizer.Tokenize(raw));

    /// <summary>A new record <c>Key=Value</c> with more pairs, separated by single spaces.</summary>
    public static ConfRecord Create(IEnumerable<KeyValuePair<string, string>> pairs, string ending, ConfDialect dialect) =>
        Parse(string.Join(' ', pairs.Select(p => $"{p.Key}={ConfValue.Render(p.Key, p.Value)}")) + ending, dialect);

    public bool Is(string key) => Key is not null && string.Equals(Key, key, StringComparison.OrdinalIgnoreCase);

    /// <summary>Indexes of the attribute pairs with this key (case-insensitive).</summary>
    public IReadOnlyList<int> IndexesOf(string key) =>
        Enumerable.Range(0, Pairs.Count).Where(i => Pairs[i].Is(key)).ToList();

    /// <summary>The last value of <paramref name="key"/> in this record (Slurm keeps the last), or null.</summary>
    public string? ValueOf(string key)
    {
        var indexes = IndexesOf(key);
        return indexes.Count == 0 ? null : Pairs[indexes[^1]].Value;
    }

    /// <summary>The value of pair <paramref name="index"/> replaced in place (quotes kept if it had them).</summary>
    public ConfRecord WithValue(int index, string value)
    {
        var pair = Pairs[index];
        var rendered = ConfValue.Render(pair.Key, value, pair.Quoted);
        return Parse(Raw[..pair.ValueStart] + rendered + Raw[pair.ValueEnd..], Dialect);
    }

    /// <summary>The record without attribute pair <paramref name="index"/> and the blanks before it.</summary>
    public ConfRecord WithoutPair(int index)
    {
        if (index == 0)
        {
            throw new InvalidOperationException("the first pair names the record; remove the record instead");
        }

        var pair = Pairs[index];
        var from = pair.Start;
        while (from > 0 && ConfTokenizer.IsSpace(Raw[from - 1]) && Raw[from - 1] is not '\n')
        {
            from--;
        }

        return Parse(DropDanglingContinuation(Raw[..from] + Raw[pair.ValueEnd..]), Dialect);
    }

    /// <summary>The record with <c> Key=Value</c> appended after its last pair (before any trailing comment).</summary>
    public ConfRecord WithPairAdded(string key, string value)
    {
        var at = Pairs[^1].ValueEnd;
        return Parse(Raw[..at] + " " + key + "=" + ConfValue.Render(key, value) + Raw[at..], Dialect);
    }

    /// <summary>The same record with a different line ending (used when a new line follows an unterminated last line).</summary>
    public ConfRecord WithEnding(string ending) => Parse(Raw[..^Ending.Length] + ending, Dialect);

    public override string ToString() => Raw;

    /// <summary>
    /// When a removal leaves the last physical line blank after a continuation backslash, drops that
    /// line and the backslash, so the record does not swallow the next line of the file.
    /// </summary>
    private static string DropDanglingContinuation(string raw)
    {
        var ending = raw.EndsWith("\r\n", StringComparison.Ordinal) ? "\r\n" : raw.EndsWith('\n') ? "\n" : string.Empty;
        var body = raw[..^ending.Length];
        var lastBreak = body.LastIndexOf('\n');
        if (lastBreak < 0 || body[(lastBreak + 1)..].Any(c => !ConfTokenizer.IsSpace(c)))
        {
            return raw;
        }

        var previous = body[..lastBreak].TrimEnd('\r').TrimEnd(' ', '\t');
        var lastLine = previous[(previous.LastIndexOf('\n') + 1)..];
        return previous.EndsWith('\\') && ConfTokenizer.Continues(lastLine)
            ? previous[..^1].TrimEnd(' ', '\t') + ending
            : raw;
    }
}
