namespace HpcWekaSlurm.Weka.Mount;

/// <summary>
/// /etc/fstab edited in place: an entry changes on its own line, new entries go at the end, and
/// every other byte (comments, tabs, escapes, other entries, line endings) stays as it was.
/// </summary>
public sealed class FstabDocument
{
    private readonly List<FstabLine> _lines;

    private FstabDocument(List<FstabLine> lines)
    {
        _lines = lines;
    }

    public IReadOnlyList<FstabLine> Lines => _lines;

    public static FstabDocument Parse(byte[]? content)
    {
        var text = content is null ? string.Empty : MountEscaping.FromBytes(content);
        var lines = new List<FstabLine>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(new FstabLine(text[start..], string.Empty));
                break;
            }

            var crlf = newline > start && text[newline - 1] == '\r';
            lines.Add(new FstabLine(text[start..(crlf ? newline - 1 : newline)], crlf ? "\r\n" : "\n"));
            start = newline + 1;
        }

        return new FstabDocument(lines);
    }

    public byte[] Render() => MountEscaping.ToBytes(string.Concat(_lines.Select(l => l.Text + l.Ending)));

    /// <summary>Indexes of the entries whose mount point is <paramref name="mountPoint"/> (normalized), in file order.</summary>
    public IReadOnlyList<int> FindMountPoint(string mountPoint) =>
        Enumerable.Range(0, _lines.Count)
            .Where(i => _lines[i].Entry is { } e && e.File.StartsWith('/') && MountPath.Normalize(e.File) == mountPoint)
            .ToList();

    public void Replace(int index, FstabEntry entry) => _lines[index] = _lines[index].WithEntry(entry);

    public void RemoveAt(int index) => _lines.RemoveAt(index);

    /// <summary>Adds the entry as the last line, ending the previous last line first if it had no newline.</summary>
    public void Append(FstabEntry entry)
    {
        var ending = _lines.Count(l => l.Ending == "\r\n") > _lines.Count(l => l.Ending == "\n") ? "\r\n" : "\n";
        if (_lines.Count > 0 && _lines[^1].Ending.Length == 0)
        {
            _lines[^1] = _lines[^1] with { Ending = ending };
        }

        _lines.Add(new FstabLine(entry.Render(), ending));
    }
}
