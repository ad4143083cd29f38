namespace HpcWekaSlurm.Weka.ServiceConf;

/// <summary>
/// One physical line of an INI file, kept as its exact text plus line ending, so lines that are
/// not edited are written back byte for byte.
/// </summary>
public sealed record IniLine(string Text, string Ending)
{
    /// <summary>The section name when the line is a <c>[section]</c> header.</summary>
    public string? Section
    {
        get
        {
            var t = Text.Trim();
            return t.Length > 2 && t[0] == '[' && t[^1] == ']' ? t[1..^1].Trim() : null;
        }
    }

    /// <summary>The key of a <c>key=value</c> / <c>key = value</c> line (null for comments, blanks, headers).</summary>
    public string? Key
    {
        get
        {
            var t = Text.TrimStart();
            if (t.Length == 0 || t[0] is '#' or ';' or '[')
            {
                return null;
            }

            var eq = Text.IndexOf('=');
            return eq <= 0 ? null : Text[..eq].Trim() is { Length: > 0 } key ? key : null;
        }
    }

    public string? Value
    {
        get
        {
            var eq = Text.IndexOf('=');
            return Key is null ? null : Text[(eq + 1)..].Trim();
        }
    }

    /// <summary>The same line with a new value; spacing around '=' and trailing whitespace are kept.</summary>
    public IniLine WithValue(string value)
    {
        var eq = Text.IndexOf('=');
        var rest = Text[(eq + 1)..];
        var leading = rest.Length - rest.TrimStart().Length;
        var trailing = rest.Length - rest.TrimEnd().Length;
        if (rest.Trim().Length == 0)
        {
            // "key =" with no value: put the value after the existing spacing.
            return this with { Text = Text[..(eq + 1)] + rest + value };
        }

        return this with { Text = Text[..(eq + 1)] + rest[..leading] + value + rest[^trailing..] };
    }

    /// <summary>True when the key is written with spaces around '=' (the documented <c>key = value</c> form).</summary>
    public bool SpacedStyle
    {
        get
        {
            var eq = Text.IndexOf('=');
            return eq > 0 && Text[eq - 1] is ' ' or '\t';
        }
    }
}
