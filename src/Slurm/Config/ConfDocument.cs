using System.Text;

namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// A Slurm config file as a list of records that renders back to the exact bytes it was parsed
/// from. Editing replaces, inserts or removes whole records; untouched records keep every byte
/// (comments, blanks, tabs, trailing spaces, CRLF, a missing final newline).
/// </summary>
public sealed class ConfDocument
{
    private readonly List<ConfRecord> _records;

    private ConfDocument(List<ConfRecord> records, ConfDialect dialect)
    {
        _records = records;
        Dialect = dialect;
    }

    public ConfDialect Dialect { get; }

    public IReadOnlyList<ConfRecord> Records => _records;

    public static ConfDocument Parse(byte[] bytes, ConfDialect dialect) => Parse(ConfText.FromBytes(bytes), dialect);

    /// <param name="text">Latin-1 text (one char per byte), see <see cref="ConfText"/>.</param>
    public static ConfDocument Parse(string text, ConfDialect dialect)
    {
        var records = new List<ConfRecord>();
        var start = 0;
        while (start < text.Length)
        {
            var end = start;
            while (true)
            {
                var lineStart = end;
                var newline = text.IndexOf('\n', lineStart);
                end = newline < 0 ? text.Length : newline + 1;
                if (newline < 0 || !ConfTokenizer.Continues(text[lineStart..newline]))
                {
                    break;
                }
            }

            records.Add(ConfRecord.Parse(text[start..end], dialect));
            start = end;
        }

        return new ConfDocument(records, dialect);
    }

    public string Render()
    {
        var sb = new StringBuilder();
        foreach (var record in _records)
        {
            sb.Append(record.Raw);
        }

        return sb.ToString();
    }

    public byte[] ToBytes() => ConfText.ToBytes(Render());

    /// <summary>Indexes of the global settings with this key, in file order.</summary>
    public IReadOnlyList<int> SettingIndexes(string key) =>
        Enumerable.Range(0, _records.Count).Where(i => _records[i].Kind == ConfRecordKind.Setting && _records[i].Is(key)).ToList();

    /// <summary>Indexes of the line records opened by this key (e.g. NodeName), in file order.</summary>
    public IReadOnlyList<int> LineIndexes(string lineKey) =>
        Enumerable.Range(0, _records.Count).Where(i => _records[i].Kind == ConfRecordKind.Line && _records[i].Is(lineKey)).ToList();

    /// <summary>The value Slurm uses for a global key (the last occurrence wins), or null.</summary>
    public string? SettingValue(string key)
    {
        var indexes = SettingIndexes(key);
        return indexes.Count == 0 ? null : _records[indexes[^1]].Pairs[0].Value;
    }

    public void Replace(int index, ConfRecord record) => _records[index] = record;

    public void RemoveAt(int index) => _records.RemoveAt(index);

    /// <summary>Inserts a new record; an unterminated record before it gets the file's line ending first.</summary>
    public void Insert(int index, ConfRecord record)
    {
        if (index > 0 && _records[index - 1].Ending.Length == 0)
        {
            _records[index - 1] = _records[index - 1].WithEnding(LineEnding);
        }

        _records.Insert(index, record);
    }

    /// <summary>The line ending most lines use ("\n" for an empty file), so new lines match the file's style.</summary>
    public string LineEnding
    {
        get
        {
            var crlf = _records.Count(r => r.Ending == "\r\n");
            var lf = _records.Count(r => r.Ending == "\n");
            return crlf > lf ? "\r\n" : "\n";
        }
    }

    /// <summary>
    /// A copy of the text in which everything after <c>KEY=</c> of a secret key, up to the end of its
    /// record, is <paramref name="mask"/>: a comment there may hold the rest of a password with a '#',
    /// and a commented-out <c>#KEY=old</c> line is masked too.
    /// </summary>
    public string Redacted(IReadOnlyCollection<string> keys, string mask)
    {
        var keyList = keys.ToList();
        var sb = new StringBuilder();
        foreach (var record in _records)
        {
            var secret = record.Pairs.FirstOrDefault(p => keys.Any(p.Is));
            sb.Append(secret is null
                ? AssignmentMask.Apply(record.Raw, keyList, mask)
                : record.Raw[..secret.ValueStart] + mask + record.Ending);
        }

        return sb.ToString();
    }
}
