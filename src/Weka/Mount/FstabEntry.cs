namespace HpcWekaSlurm.Weka.Mount;

/// <summary>The decoded fields of an fstab line (octal escapes resolved); dump and pass number stay raw.</summary>
public sealed record FstabEntry(string Spec, string File, string Type, IReadOnlyList<MountOption> Options, string? Dump = null, string? PassNo = null)
{
    /// <summary>The raw fields of this entry as fstab stores them (blanks escaped, "defaults" for no options).</summary>
    public IReadOnlyList<string> RawFields()
    {
        var options = Options.Count == 0 ? "defaults" : MountOptionString.Format(Options);
        return [MountEscaping.Escape(Spec), MountEscaping.Escape(File), MountEscaping.Escape(Type), MountEscaping.Escape(options), Dump ?? "0", PassNo ?? "0"];
    }

    /// <summary>The line as written for a new entry: single spaces, dump and pass 0 unless set.</summary>
    public string Render() => string.Join(' ', RawFields());
}

/// <summary>One physical fstab line, kept as its exact bytes (one char per byte) and line ending.</summary>
public sealed record FstabLine(string Text, string Ending)
{
    /// <summary>The entry on this line; null for comments, blank lines and lines with fewer than two fields.</summary>
    public FstabEntry? Entry
    {
        get
        {
            var fields = Fields(Text);
            if (fields.Count < 2 || Text[fields[0].Start] == '#')
            {
                return null;
            }

            string? Field(int i) => i < fields.Count ? Text.Substring(fields[i].Start, fields[i].Length) : null;
            var options = Field(3) is { } raw ? MountOptionString.Parse(MountEscaping.Unescape(raw)) : [];
            return new FstabEntry(
                MountEscaping.Unescape(Field(0)!),
                MountEscaping.Unescape(Field(1)!),
                Field(2) is { } type ? MountEscaping.Unescape(type) : string.Empty,
                options,
                Field(4),
                Field(5));
        }
    }

    /// <summary>
    /// This line with <paramref name="entry"/>'s first four fields; the blanks between fields, the
    /// dump and pass fields and anything after them stay as they were.
    /// </summary>
    public FstabLine WithEntry(FstabEntry entry)
    {
        var fields = Fields(Text);
        if (fields.Count < 4)
        {
            return this with { Text = entry.Render() };
        }

        var raw = entry.RawFields();
        var sb = new System.Text.StringBuilder(Text[..fields[0].Start]);
        for (var i = 0; i < 4; i++)
        {
            sb.Append(raw[i]);
            var end = fields[i].Start + fields[i].Length;
            sb.Append(i < 3 ? Text[end..fields[i + 1].Start] : Text[end..]);
        }

        return this with { Text = sb.ToString() };
    }

    /// <summary>Positions of the blank-separated fields (fstab separates with spaces and tabs).</summary>
    private static List<(int Start, int Length)> Fields(string text)
    {
        var fields = new List<(int, int)>();
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && text[i] is ' ' or '\t')
            {
                i++;
            }

            var start = i;
            while (i < text.Length && text[i] is not (' ' or '\t'))
            {
                i++;
            }

            if (i > start)
            {
                fields.Add((start, i - start));
            }
        }

        return fields;
    }
}
