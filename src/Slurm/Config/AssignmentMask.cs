namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// Masks the value of every <c>KEY=</c> (or <c>KEY +=</c> and the other operators) of the given keys,
/// anywhere in a text, up to the end of its line. A hand-written scan rather than a Regex built from the
/// keys at run time: such a Regex roots .NET's whole regex parser and interpreter, about 0.7 MB of
/// every NativeAOT binary that masks a secret.
/// </summary>
internal static class AssignmentMask
{
    /// <summary>
    /// <paramref name="text"/> with what follows each <c>KEY[ \t]*[-+*/]?=</c> up to the next line break
    /// replaced by <paramref name="mask"/>. Keys match ASCII case-insensitively, as Slurm reads them;
    /// the first key in order that matches at a position wins, and the scan goes on after the line's rest.
    /// </summary>
    public static string Apply(string text, IReadOnlyList<string> keys, string mask)
    {
        var sb = new System.Text.StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            var end = AssignmentEnd(text, i, keys);
            if (end < 0)
            {
                sb.Append(text[i]);
                i++;
                continue;
            }

            sb.Append(text, i, end - i).Append(mask);
            i = end;
            while (i < text.Length && text[i] is not ('\r' or '\n'))
            {
                i++;
            }
        }

        return sb.ToString();
    }

    /// <summary>The index just after the '=' of an assignment to one of the keys starting at <paramref name="start"/>, or -1.</summary>
    private static int AssignmentEnd(string text, int start, IReadOnlyList<string> keys)
    {
        foreach (var key in keys)
        {
            if (key.Length == 0 || start + key.Length > text.Length
                || string.Compare(text, start, key, 0, key.Length, StringComparison.OrdinalIgnoreCase) != 0)
            {
                continue;
            }

            var j = start + key.Length;
            while (j < text.Length && text[j] is ' ' or '\t')
            {
                j++;
            }

            if (j < text.Length && text[j] is '-' or '+' or '*' or '/')
            {
                j++;
            }

            if (j < text.Length && text[j] == '=')
            {
                return j + 1;
            }
        }

        return -1;
    }
}
