using System.Text;
using System.Text.RegularExpressions;

namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// Reads one logical line the way Slurm's parse_config.c does: per physical line, everything from an
/// unescaped <c>#</c> is a comment; an odd number of trailing backslashes continues the line; then
/// backslash escapes are resolved and <c>Key=Value</c> pairs are matched with Slurm's own pattern.
/// Positions are mapped back to the raw text so edits touch only the bytes they mean to.
/// </summary>
internal static partial class ConfTokenizer
{
    // parse_config.c keyvalue_pattern, anchored where the previous pair ended.
    [GeneratedRegex("""\G[ \t\n\r\f\v]*([A-Za-z0-9_.]+)[ \t\n\r\f\v]*([-*+/]?)=[ \t\n\r\f\v]*(("([^"]*)")|([^ \t\n\r\f\v]+))(?=[ \t\n\r\f\v]|$)""", RegexOptions.CultureInvariant)]
    private static partial Regex KeyValue();

    internal sealed record Result(IReadOnlyList<ConfPair> Pairs, string? IncludePath, string Leftover, bool HasContent);

    public static Result Tokenize(string raw)
    {
        var (logical, start, end) = Logical(raw);

        var include = IncludePath(logical);
        if (include is not null)
        {
            return new Result([], include, string.Empty, true);
        }

        var pairs = new List<ConfPair>();
        var position = 0;
        while (position < logical.Length && KeyValue().Match(logical, position) is { Success: true } m)
        {
            var key = m.Groups[1];
            var token = m.Groups[3];
            var value = m.Groups[5].Success ? m.Groups[5].Value : m.Groups[6].Value;
            pairs.Add(new ConfPair(
                key.Value,
                m.Groups[2].Value,
                value,
                start[key.Index],
                start[token.Index],
                end[token.Index + token.Length - 1],
                m.Groups[5].Success));
            position = token.Index + token.Length;
        }

        var leftover = logical[position..].Trim(' ', '\t', '\n', '\r', '\f', '\v');
        return new Result(pairs, null, leftover, logical.Trim(' ', '\t', '\n', '\r', '\f', '\v').Length > 0);
    }

    /// <summary>True when the physical line (without its ending) continues on the next one.</summary>
    public static bool Continues(string line) => ContinuationCut(line[..CommentCut(line)]) >= 0;

    /// <summary>
    /// The text Slurm parses (comments and continuation backslashes removed, escapes resolved), with,
    /// for each of its characters, the raw range it came from (an escaped char includes its backslash).
    /// </summary>
    private static (string Text, int[] Start, int[] End) Logical(string raw)
    {
        var kept = new StringBuilder(raw.Length);
        var keptAt = new List<int>(raw.Length);
        var lineStart = 0;
        while (lineStart < raw.Length)
        {
            var newline = raw.IndexOf('\n', lineStart);
            var lineEnd = newline < 0 ? raw.Length : newline;
            var line = raw[lineStart..lineEnd];
            var content = line[..CommentCut(line)];
            var cut = ContinuationCut(content);
            if (cut >= 0)
            {
                content = content[..cut];
            }

            for (var i = 0; i < content.Length; i++)
            {
                kept.Append(content[i]);
                keptAt.Add(lineStart + i);
            }

            if (cut < 0)
            {
                break;
            }

            lineStart = newline < 0 ? raw.Length : newline + 1;
        }

        var text = new StringBuilder(kept.Length);
        var start = new List<int>(kept.Length);
        var end = new List<int>(kept.Length);
        for (var i = 0; i < kept.Length; i++)
        {
            var from = keptAt[i];
            if (kept[i] == '\\')
            {
                i++;
                if (i >= kept.Length)
                {
                    break;
                }
            }

            text.Append(kept[i]);
            start.Add(from);
            end.Add(keptAt[i] + 1);
        }

        return (text.ToString(), [.. start], [.. end]);
    }

    /// <summary>Index of the first '#' not escaped by an odd run of backslashes (the line length when none).</summary>
    private static int CommentCut(string line)
    {
        var backslashes = 0;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '#' && backslashes % 2 == 0)
            {
                return i;
            }

            backslashes = line[i] == '\\' ? backslashes + 1 : 0;
        }

        return line.Length;
    }

    /// <summary>Index of the continuation backslash (odd run at the end, trailing blanks allowed), or -1.</summary>
    private static int ContinuationCut(string content)
    {
        var i = content.Length - 1;
        while (i >= 0 && IsSpace(content[i]))
        {
            i--;
        }

        var run = 0;
        while (i >= 0 && content[i] == '\\')
        {
            run++;
            i--;
        }

        return run % 2 == 1 ? i + run : -1;
    }

    private static string? IncludePath(string logical)
    {
        const string keyword = "include";
        if (logical.Length <= keyword.Length || !logical.StartsWith(keyword, StringComparison.OrdinalIgnoreCase) || !IsSpace(logical[keyword.Length]))
        {
            return null;
        }

        var rest = logical[keyword.Length..].TrimStart(' ', '\t', '\n', '\r', '\f', '\v');
        var stop = 0;
        while (stop < rest.Length && !IsSpace(rest[stop]))
        {
            stop++;
        }

        return rest[..stop];
    }

    internal static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f' or '\v';
}
