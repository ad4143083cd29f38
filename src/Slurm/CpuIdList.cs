using System.Globalization;

namespace HpcWekaSlurm.Slurm;

/// <summary>Slurm CPU id lists such as <c>0-1,94-95</c> (CpuSpecList, Cpus_allowed_list).</summary>
public static class CpuIdList
{
    /// <exception cref="FormatException">Not a list of ids and ascending ranges.</exception>
    public static IReadOnlyList<int> Parse(string list)
    {
        var ids = new List<int>();
        foreach (var part in list.Split(',', StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-');
            var from = dash < 0 ? part : part[..dash];
            var to = dash < 0 ? part : part[(dash + 1)..];
            if (!int.TryParse(from, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ||
                !int.TryParse(to, NumberStyles.None, CultureInfo.InvariantCulture, out var b) || b < a || b - a > 65536)
            {
                throw new FormatException($"'{part}' in '{list}' is not a CPU id or an ascending range like 2-3");
            }

            for (var id = a; id <= b; id++)
            {
                ids.Add(id);
            }
        }

        return ids;
    }
}
