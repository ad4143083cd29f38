using System.Globalization;
using System.Text;

namespace HpcWekaSlurm.Slurm;

/// <summary>
/// Slurm host lists: <c>node[01-04,7],gpu[1-2]-ib</c> and multi-dimensional
/// <c>rack[1-2]-n[1-3]</c>. Expanding keeps Slurm's order; compressing merges runs of
/// hosts that differ only in a trailing number of the same width.
/// </summary>
public static class Hostlist
{
    /// <summary>More hosts than any cluster has: a list naming more is a mistake (or an attempt to exhaust memory).</summary>
    public const int MaxHosts = 1_000_000;

    /// <exception cref="FormatException">Unbalanced brackets, bad ranges, more than <see cref="MaxHosts"/> hosts.</exception>
    public static IReadOnlyList<string> Expand(string hostlist)
    {
        var hosts = new List<string>();
        foreach (var item in SplitTopLevel(hostlist))
        {
            if (item.Length == 0)
            {
                continue;
            }

            hosts.AddRange(ExpandOne(item, hostlist));
            if (hosts.Count > MaxHosts)
            {
                throw new FormatException($"'{Clip(hostlist)}' names more than {MaxHosts} hosts");
            }
        }

        return hosts;
    }

    /// <summary>True when two host lists name the same hosts (in any order or spelling).</summary>
    public static bool SameHosts(string a, string b) =>
        Expand(a).ToHashSet(StringComparer.Ordinal).SetEquals(Expand(b));

    /// <summary>A short host list for these hosts, in the given order.</summary>
    public static string Compress(IReadOnlyList<string> hosts)
    {
        var parts = new List<string>();
        var i = 0;
        while (i < hosts.Count)
        {
            var (prefix, digits) = SplitNumber(hosts[i]);
            if (digits.Length == 0)
            {
                parts.Add(hosts[i]);
                i++;
                continue;
            }

            // A run: same prefix, same number width; numbers kept in the given order.
            var numbers = new List<long> { long.Parse(digits, CultureInfo.InvariantCulture) };
            var j = i + 1;
            while (j < hosts.Count && SplitNumber(hosts[j]) is var (p, d) && p == prefix && d.Length == digits.Length && d.Length > 0)
            {
                numbers.Add(long.Parse(d, CultureInfo.InvariantCulture));
                j++;
            }

            parts.Add(numbers.Count == 1 ? hosts[i] : $"{prefix}[{Ranges(numbers, digits.Length)}]");
            i = j;
        }

        return string.Join(',', parts);
    }

    private static string Ranges(List<long> numbers, int width)
    {
        var sb = new StringBuilder();
        var k = 0;
        while (k < numbers.Count)
        {
            var end = k;
            while (end + 1 < numbers.Count && numbers[end + 1] == numbers[end] + 1)
            {
                end++;
            }

            if (sb.Length > 0)
            {
                sb.Append(',');
            }

            sb.Append(Pad(numbers[k], width));
            if (end > k)
            {
                sb.Append('-').Append(Pad(numbers[end], width));
            }

            k = end + 1;
        }

        return sb.ToString();
    }

    private static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static string Pad(long n, int width) => n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');

    private static (string Prefix, string Digits) SplitNumber(string host)
    {
        var k = host.Length;
        while (k > 0 && char.IsAsciiDigit(host[k - 1]))
        {
            k--;
        }

        return (host[..k], host[k..]);
    }

    private static IEnumerable<string> SplitTopLevel(string hostlist)
    {
        var depth = 0;
        var start = 0;
        for (var i = 0; i < hostlist.Length; i++)
        {
            switch (hostlist[i])
            {
                case '[':
                    depth++;
                    if (depth > 1)
                    {
                        throw new FormatException($"'{hostlist}' has nested brackets");
                    }

                    break;
                case ']':
                    depth--;
                    if (depth < 0)
                    {
                        throw new FormatException($"'{hostlist}' has a ']' without '['");
                    }

                    break;
                case ',' when depth == 0:
                    yield return hostlist[start..i].Trim();
                    start = i + 1;
                    break;
            }
        }

        if (depth != 0)
        {
            throw new FormatException($"'{hostlist}' has a '[' without ']'");
        }

        yield return hostlist[start..].Trim();
    }

    private static IEnumerable<string> ExpandOne(string item, string whole)
    {
        var open = item.IndexOf('[');
        if (open < 0)
        {
            return [item];
        }

        var close = item.IndexOf(']', open);
        var prefix = item[..open];
        var rest = item[(close + 1)..];
        var tails = ExpandOne(rest, whole).ToList();
        var result = new List<string>();
        foreach (var number in RangeValues(item[(open + 1)..close], whole))
        {
            if (result.Count + tails.Count > MaxHosts)
            {
                throw new FormatException($"'{Clip(whole)}' names more than {MaxHosts} hosts");
            }

            foreach (var tail in tails)
            {
                result.Add(prefix + number + tail);
            }
        }

        return result;
    }

    private static IEnumerable<string> RangeValues(string ranges, string whole)
    {
        foreach (var range in ranges.Split(','))
        {
            var dash = range.IndexOf('-');
            var from = dash < 0 ? range : range[..dash];
            var to = dash < 0 ? range : range[(dash + 1)..];
            if (!long.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ||
                !long.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b < a)
            {
                throw new FormatException($"'{range}' in '{Clip(whole)}' is not a number or an ascending range like 1-4");
            }

            if (b - a >= MaxHosts)
            {
                throw new FormatException($"'{range}' in '{Clip(whole)}' names more than {MaxHosts} hosts");
            }

            var width = from.Length;
            for (var n = a; n <= b; n++)
            {
                yield return Pad(n, width);
            }
        }
    }
}
