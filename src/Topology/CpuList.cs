using System.Globalization;
using System.Text;

namespace HpcWekaSlurm.Topology;

/// <summary>
/// The "0-3,8,10-11" CPU list syntax shared by the kernel (cpulist, online, *_list files),
/// Slurm (CpuSpecList, CPUSpecList in scontrol) and cpusets (cpuset.cpus).
/// </summary>
public static class CpuList
{
    /// <summary>Largest id accepted: Slurm keeps CPU ids in 16 bits, and a typo like "0-4000000000" must not allocate forever.</summary>
    public const int MaxId = ushort.MaxValue;

    /// <summary>Parses a CPU list into sorted, distinct ids. An empty or blank text is an empty list.</summary>
    /// <exception cref="FormatException">The text is not a CPU list; the message quotes the bad part.</exception>
    public static IReadOnlyList<int> Parse(string text)
    {
        var ids = new SortedSet<int>();
        foreach (var raw in text.Split(',', StringSplitOptions.TrimEntries))
        {
            if (raw.Length == 0)
            {
                // The kernel writes an empty list as a bare newline; "1,,2" is a typo we tolerate the same way.
                continue;
            }

            var dash = raw.IndexOf('-', 1);
            var first = Number(dash < 0 ? raw : raw[..dash], text);
            var last = dash < 0 ? first : Number(raw[(dash + 1)..], text);
            if (last < first)
            {
                throw new FormatException($"'{raw}' in CPU list '{text.Trim()}' is a descending range");
            }

            for (var id = first; id <= last; id++)
            {
                ids.Add(id);
            }
        }

        return [.. ids];
    }

    /// <summary>Formats ids (any order, duplicates allowed) as a compressed list: 0-3,8,10-11.</summary>
    public static string Format(IEnumerable<int> ids)
    {
        var sorted = ids.Distinct().Order().ToList();
        var text = new StringBuilder();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            if (text.Length > 0)
            {
                text.Append(',');
            }

            text.Append(sorted[i].ToString(CultureInfo.InvariantCulture));
            if (j > i)
            {
                text.Append('-').Append(sorted[j].ToString(CultureInfo.InvariantCulture));
            }

            i = j + 1;
        }

        return text.ToString();
    }

    private static int Number(string part, string text)
    {
        if (part.Length == 0 || !part.All(char.IsAsciiDigit) ||
            !int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            throw new FormatException($"'{part}' in CPU list '{text.Trim()}' is not a CPU number");
        }

        if (id > MaxId)
        {
            throw new FormatException($"'{part}' in CPU list '{text.Trim()}' is above the largest CPU id {MaxId}");
        }

        return id;
    }
}
