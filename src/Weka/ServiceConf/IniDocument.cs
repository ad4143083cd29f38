using System.Text;

namespace HpcWekaSlurm.Weka.ServiceConf;

/// <summary>
/// An INI file (WEKA's /etc/wekaio/service.conf) edited in place: existing keys change where they
/// are, new keys go into a chosen section, and every other byte stays as it was.
/// </summary>
public sealed class IniDocument
{
    private readonly List<IniLine> _lines;

    private IniDocument(List<IniLine> lines)
    {
        _lines = lines;
    }

    public IReadOnlyList<IniLine> Lines => _lines;

    public static IniDocument Parse(string text)
    {
        var lines = new List<IniLine>();
        var start = 0;
        while (start < text.Length)
        {
            var newline = text.IndexOf('\n', start);
            if (newline < 0)
            {
                lines.Add(new IniLine(text[start..], string.Empty));
                break;
            }

            var crlf = newline > start && text[newline - 1] == '\r';
            lines.Add(new IniLine(text[start..(crlf ? newline - 1 : newline)], crlf ? "\r\n" : "\n"));
            start = newline + 1;
        }

        return new IniDocument(lines);
    }

    public string Render()
    {
        var sb = new StringBuilder();
        foreach (var line in _lines)
        {
            sb.Append(line.Text).Append(line.Ending);
        }

        return sb.ToString();
    }

    /// <summary>Indexes of the lines that set <paramref name="key"/>, in file order (any section).</summary>
    public IReadOnlyList<int> FindKey(string key) =>
        Enumerable.Range(0, _lines.Count).Where(i => string.Equals(_lines[i].Key, key, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The section a line belongs to (null before the first header).</summary>
    public string? SectionOf(int index)
    {
        for (var i = index; i >= 0; i--)
        {
            if (_lines[i].Section is { } s)
            {
                return s;
            }
        }

        return null;
    }

    public IReadOnlyList<string> Sections => _lines.Select(l => l.Section).OfType<string>().ToList();

    public void Replace(int index, IniLine line) => _lines[index] = line;

    public void RemoveAt(int index) => _lines.RemoveAt(index);

    /// <summary>
    /// Adds <c>key=value</c> at the end of <paramref name="section"/> (created at the end of the file if
    /// missing), or at the top of the file when <paramref name="section"/> is null. The new line copies
    /// the spacing style and line ending the file already uses.
    /// </summary>
    public void Add(string key, string value, string? section)
    {
        var ending = PredominantEnding();
        var spaced = _lines.Where(l => l.Key is not null).Select(l => l.SpacedStyle).DefaultIfEmpty(false).First();
        var line = new IniLine(spaced ? $"{key} = {value}" : $"{key}={value}", ending);

        if (section is null)
        {
            _lines.Insert(0, line);
            return;
        }

        var header = _lines.FindIndex(l => string.Equals(l.Section, section, StringComparison.Ordinal));
        if (header < 0)
        {
            TerminateLastLine(ending);
            if (_lines.Count > 0 && _lines[^1].Text.Trim().Length > 0)
            {
                _lines.Add(new IniLine(string.Empty, ending));
            }

            _lines.Add(new IniLine($"[{section}]", ending));
            _lines.Add(line);
            return;
        }

        // After the section's last non-blank line, so blank separators before the next header stay put.
        var end = header + 1;
        while (end < _lines.Count && _lines[end].Section is null)
        {
            end++;
        }

        var insertAt = end;
        while (insertAt > header + 1 && _lines[insertAt - 1].Text.Trim().Length == 0)
        {
            insertAt--;
        }

        if (insertAt == _lines.Count)
        {
            TerminateLastLine(ending);
        }

        _lines.Insert(insertAt, line);
    }

    private void TerminateLastLine(string ending)
    {
        if (_lines.Count > 0 && _lines[^1].Ending.Length == 0)
        {
            _lines[^1] = _lines[^1] with { Ending = ending };
        }
    }

    private string PredominantEnding()
    {
        var crlf = _lines.Count(l => l.Ending == "\r\n");
        var lf = _lines.Count(l => l.Ending == "\n");
        return crlf > lf ? "\r\n" : "\n";
    }
}
