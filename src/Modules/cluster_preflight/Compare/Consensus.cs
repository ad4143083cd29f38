namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>
/// Which nodes are the odd ones when nodes disagree on a value that must be the same everywhere.
/// The right value is the inventory's when it sets one, else the reference node's (the first
/// controller), else the one most nodes hold; with no such value every node is listed.
/// </summary>
/// <param name="Expected">The right value, or null when none could be told.</param>
/// <param name="Source">Where <paramref name="Expected"/> comes from, for the report.</param>
/// <param name="Odd">The nodes without the right value, in node order.</param>
/// <param name="Groups">Every value with its nodes (for the summary), most nodes first.</param>
public sealed record Consensus(string? Expected, string Source, IReadOnlyList<string> Odd, IReadOnlyList<(string Value, IReadOnlyList<string> Hosts)> Groups)
{
    /// <param name="values">Each node's value, in node order; nodes without one are left out.</param>
    /// <param name="inventory">The inventory's value and its variable name, if it sets one.</param>
    /// <returns>Null when every node holds the right value.</returns>
    public static Consensus? Judge(IReadOnlyList<(string Host, string Value)> values, (string Value, string Variable)? inventory, string? referenceHost)
    {
        var groups = values.GroupBy(v => v.Value, StringComparer.Ordinal)
            .Select(g => (Value: g.Key, Hosts: (IReadOnlyList<string>)[.. g.Select(v => v.Host)]))
            .OrderByDescending(g => g.Hosts.Count)
            .ToList();

        string? expected;
        string source;
        if (inventory is { } given)
        {
            (expected, source) = (given.Value, $"inventory {given.Variable}");
        }
        else if (referenceHost is not null && values.Any(v => v.Host == referenceHost))
        {
            (expected, source) = (values.First(v => v.Host == referenceHost).Value, $"as on {referenceHost}");
        }
        else if (groups.Count > 1 && groups[0].Hosts.Count == groups[1].Hosts.Count)
        {
            (expected, source) = (null, "no value is held by most nodes");
        }
        else
        {
            (expected, source) = (groups.Count > 0 ? groups[0].Value : null, "as on most nodes");
        }

        var odd = values.Where(v => v.Value != expected).Select(v => v.Host).ToList();
        if (odd.Count == 0)
        {
            return null;
        }

        return new Consensus(expected, source, odd, groups);
    }

    /// <summary>"450 on controller, compute-0; 1234 on compute-1".</summary>
    public string Listing() => string.Join("; ", Groups.Select(g => $"{g.Value} on {string.Join(", ", g.Hosts)}"));

    /// <summary>"uid 1234, expected 450 (inventory slurm_uid)": a node's value against the right one.</summary>
    public string Against(string actual) => Expected is { } e ? $"{actual}, expected {e} ({Source})" : $"{actual} ({Source})";
}
