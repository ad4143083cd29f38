using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.Slurm.SlurmConf;

/// <summary>
/// Edits NodeName lines by host, not by text: a requested node matches the lines that hold its
/// hosts, whatever the host-list spelling. A line whose hosts all get the same edit is edited in
/// place; a line whose hosts get different edits (or, with exclusive_nodes, lose some hosts) is split
/// into one line per group, each keeping the original attributes. Hosts on no line get a new line.
/// </summary>
internal sealed class NodeLineEditor
{
    private const string Key = "NodeName";

    private readonly ConfDocument _document;
    private readonly List<ConfChange> _changes;

    public NodeLineEditor(ConfDocument document, List<ConfChange> changes)
    {
        _document = document;
        _changes = changes;
    }

    public void Apply(IReadOnlyList<LineSpec> nodes, bool exclusive)
    {
        var defaults = nodes.Where(n => LineRecords.IsDefault(n.Name)).ToList();
        var specific = nodes.Where(n => !LineRecords.IsDefault(n.Name)).ToList();
        var owner = HostOwners(specific);
        var seen = new HashSet<string>(StringComparer.Ordinal);

        foreach (var index in _document.LineIndexes(Key).Reverse())
        {
            var record = _document.Records[index];
            if (LineRecords.IsDefault(Display(record.Name!)))
            {
                continue;
            }

            var hosts = Hosts(Display(record.Name!), $"the existing line '{Display(record.Raw).TrimEnd()}'");
            seen.UnionWith(hosts);
            // Hosts that get the same edit stay together: per-host entries with equal settings do not split a line.
            var groups = hosts.GroupBy(h => Signature(owner.TryGetValue(h, out var e) ? specific[e] : null, exclusive))
                .Select(g => (Entry: owner.GetValueOrDefault(g.First(), -1), Hosts: g.ToList())).ToList();
            _document.RemoveAt(index);
            var replacement = new List<ConfRecord>();
            if (groups.Count > 1)
            {
                RefuseSplit(record);
            }

            foreach (var (entry, groupHosts) in groups)
            {
                var name = groups.Count == 1 ? Display(record.Name!) : Hostlist.Compress(groupHosts);
                if (entry < 0 && exclusive)
                {
                    _changes.Add(new ConfChange("node", name, null, name, null));
                    continue;
                }

                var part = groups.Count == 1 ? record : record.WithValue(0, ConfText.FromUser(name));
                if (entry >= 0)
                {
                    part = ConfEditor.ApplyAttributes(part, specific[entry].Attributes, (k, b, a) => _changes.Add(new ConfChange("node", name, k, b, a)));
                }

                replacement.Add(part);
            }

            for (var k = replacement.Count - 1; k >= 0; k--)
            {
                // Copies of an unterminated last line need an ending, except the one that stays last.
                var part = k < replacement.Count - 1 && replacement[k].Ending.Length == 0 ? replacement[k].WithEnding(_document.LineEnding) : replacement[k];
                _document.Insert(index, part);
            }
        }

        AddNewNodes(specific, seen);
        LineRecords.ApplyDefaults(_document, Key, "node", defaults, InsertionIndex, _changes);
    }

    private void AddNewNodes(IReadOnlyList<LineSpec> specific, HashSet<string> seen)
    {
        var at = InsertionIndex();
        foreach (var node in specific)
        {
            var hosts = Hosts(node.Name, $"nodes entry '{node.Name}'");
            var fresh = hosts.Where(h => !seen.Contains(h)).ToList();
            if (fresh.Count == 0)
            {
                continue;
            }

            var name = fresh.Count == hosts.Count ? node.Name : Hostlist.Compress(fresh);
            _document.Insert(at++, LineRecords.NewLine(_document, Key, name, node.Attributes));
            _changes.Add(new ConfChange("node", name, null, null, name));
        }
    }

    /// <summary>After the last node line; else before the first partition line; else at the end.</summary>
    private int InsertionIndex()
    {
        var nodes = _document.LineIndexes(Key);
        if (nodes.Count > 0)
        {
            return nodes[^1] + 1;
        }

        var partitions = _document.LineIndexes("PartitionName");
        return partitions.Count > 0 ? partitions[0] : _document.Records.Count;
    }

    /// <summary>What a host gets: removal, nothing, or these attribute edits (equal edits, equal signatures).</summary>
    private static string Signature(LineSpec? spec, bool exclusive) => spec is null
        ? (exclusive ? "\u0001removed" : string.Empty)
        : string.Join('\u0002', spec.Attributes.Select(a => $"{a.Key.ToLowerInvariant()}\u0003{a.Value?.Text}\u0003{a.Value?.Boolean}"));

    /// <summary>Which requested entry each host belongs to; a host in two entries is an error.</summary>
    private static Dictionary<string, int> HostOwners(IReadOnlyList<LineSpec> nodes)
    {
        var owner = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < nodes.Count; i++)
        {
            foreach (var host in Hosts(nodes[i].Name, $"nodes entry '{nodes[i].Name}'"))
            {
                if (!owner.TryAdd(host, i))
                {
                    throw new ArgumentException($"node {host} is given twice in nodes (in '{nodes[owner[host]].Name}' and '{nodes[i].Name}')");
                }
            }
        }

        return owner;
    }

    /// <summary>NodeAddr/NodeHostname lists pair with the NodeName list by position: splitting would mispair them.</summary>
    private static void RefuseSplit(ConfRecord record)
    {
        foreach (var key in new[] { "NodeAddr", "NodeHostname" })
        {
            if (record.ValueOf(key) is { } value && (value.Contains(',') || value.Contains('[')))
            {
                throw new ArgumentException(
                    $"the line '{Display(record.Raw).TrimEnd()}' would have to be split (its hosts get different settings), " +
                    $"but its {key} lists one address per host; give all its hosts the same settings or split the line by hand");
            }
        }
    }

    private static IReadOnlyList<string> Hosts(string hostlist, string where)
    {
        try
        {
            var hosts = Hostlist.Expand(hostlist);
            return hosts.Count > 0 ? hosts : throw new FormatException("it names no host");
        }
        catch (FormatException e)
        {
            throw new ArgumentException($"{where}: NodeName '{hostlist}' is not a valid host list: {e.Message}");
        }
    }

    private static string Display(string text) => ConfText.ToDisplay(text);
}
