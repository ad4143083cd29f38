using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>Reads the per-host counts of a playbook run from the default callback's text or the json callback's stats.</summary>
public static partial class PlayRecap
{
    /// <summary>The hosts of the "PLAY RECAP" block of default-callback output; empty when there is none.</summary>
    public static IReadOnlyDictionary<string, HostRecap> FromText(string stdout)
    {
        var recap = new Dictionary<string, HostRecap>();
        var lines = stdout.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindLastIndex(lines, l => l.StartsWith("PLAY RECAP", StringComparison.Ordinal));
        if (start < 0)
        {
            return recap;
        }

        foreach (var line in lines.Skip(start + 1).TakeWhile(l => l.Trim().Length > 0))
        {
            var match = HostLine().Match(line);
            if (match.Success)
            {
                var counts = match.Groups["pair"].Captures
                    .Select(c => c.Value.Split('='))
                    .ToDictionary(kv => kv[0], kv => int.Parse(kv[1]));
                recap[match.Groups["host"].Value] = new HostRecap(
                    Count(counts, "ok"), Count(counts, "changed"), Count(counts, "unreachable"), Count(counts, "failed"),
                    Count(counts, "skipped"), Count(counts, "rescued"), Count(counts, "ignored"));
            }
        }

        return recap;
    }

    /// <summary>The "stats" object of ansible.posix.json output.</summary>
    public static IReadOnlyDictionary<string, HostRecap> FromJsonStats(JsonObject stats) =>
        stats.ToDictionary(
            h => h.Key,
            h => new HostRecap(
                Count(h.Value, "ok"), Count(h.Value, "changed"), Count(h.Value, "unreachable"), Count(h.Value, "failures"),
                Count(h.Value, "skipped"), Count(h.Value, "rescued"), Count(h.Value, "ignored")));

    private static int Count(Dictionary<string, int> counts, string key) => counts.GetValueOrDefault(key);

    private static int Count(JsonNode? host, string key) => host?[key]?.GetValue<int>() ?? 0;

    // "compute-0   : ok=3    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0"
    [GeneratedRegex(@"^(?<host>\S+)\s*:(\s+(?<pair>[a-z]+=\d+))+\s*$")]
    private static partial Regex HostLine();
}
