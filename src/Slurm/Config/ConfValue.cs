namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// Writes a value so Slurm reads back exactly that value: quoted when it holds blanks,
/// <c>#</c> and <c>\</c> escaped with a backslash (parse_config.c strips comments, then escapes).
/// </summary>
public static class ConfValue
{
    /// <exception cref="ArgumentException">The value cannot be written in a Slurm config file.</exception>
    public static string Render(string key, string value, bool quoted = false)
    {
        if (value.Contains('\n') || value.Contains('\r'))
        {
            throw new ArgumentException($"the value of '{key}' contains a line break, which Slurm config files cannot hold");
        }

        if (value.Contains('"'))
        {
            throw new ArgumentException($"the value of '{key}' contains a double quote, which Slurm's parser cannot read back");
        }

        if (value.Contains('\0'))
        {
            throw new ArgumentException($"the value of '{key}' contains a NUL character");
        }

        var escaped = value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("#", "\\#", StringComparison.Ordinal);
        return quoted || value.Length == 0 || value.Any(ConfTokenizer.IsSpace) ? $"\"{escaped}\"" : escaped;
    }

    /// <summary>Checks a key a user asks for: Slurm keys are letters, digits, '_' and '.'.</summary>
    /// <exception cref="ArgumentException">Not a key Slurm's parser can match.</exception>
    public static void CheckKey(string key)
    {
        if (key.Length == 0 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.'))
        {
            throw new ArgumentException($"'{key}' is not a Slurm key (keys are ASCII letters, digits, '_' and '.')");
        }
    }
}
