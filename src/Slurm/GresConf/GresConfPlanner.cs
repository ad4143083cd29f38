using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Restarts;

namespace HpcWekaSlurm.Slurm.GresConf;

/// <summary>
/// Plans a gres.conf edit. A line is identified by NodeName (compared as a host set), Name, Type and
/// File (a per-node <c>NodeName=... AutoDetect=...</c> line by its NodeName); its other keys (Count, Cores, Links, Flags, AutoDetect...) are edited in place. New lines
/// follow the existing ones; with exclusive, lines not asked for are removed.
/// </summary>
public static class GresConfPlanner
{
    /// <summary>What makes two gres.conf lines the same line.</summary>
    internal static readonly string[] IdentityKeys = ["NodeName", "Name", "Type", "File"];

    /// <exception cref="ArgumentException">A line lacks Name, is given twice, or holds a value gres.conf cannot.</exception>
    public static ConfPlan Plan(byte[] current, GresConfRequest request)
    {
        var document = ConfDocument.Parse(current, ConfDialect.GresConf);
        var changes = new List<ConfChange>();
        var warnings = new List<string>();
        CheckRequest(request.Lines);

        if (request.AutoDetect is { } autodetect && ConfEditor.SetSetting(document, "AutoDetect", autodetect.Value) is { } global)
        {
            changes.Add(global);
        }

        var matched = new HashSet<ConfRecord>();
        foreach (var spec in request.Lines)
        {
            var name = Describe(spec);
            var indexes = LineIndexes(document).Where(i => Matches(document.Records[i], spec)).ToList();
            if (indexes.Count > 1)
            {
                warnings.Add($"gres.conf has {indexes.Count} lines for {name}; all of them were edited");
            }

            var editable = spec.Attributes.Where(a => !IdentityKeys.Contains(a.Key, StringComparer.OrdinalIgnoreCase)).ToList();
            foreach (var index in indexes)
            {
                var edited = ConfEditor.ApplyAttributes(document.Records[index], editable, (k, b, a) => changes.Add(new ConfChange("gres", name, k, b, a)));
                document.Replace(index, edited);
                matched.Add(edited);
            }

            if (indexes.Count == 0)
            {
                var record = NewLine(document, spec);
                var existing = LineIndexes(document);
                document.Insert(existing.Count > 0 ? existing[^1] + 1 : document.Records.Count, record);
                matched.Add(record);
                changes.Add(new ConfChange("gres", name, null, null, name));
            }
        }

        if (request.Exclusive)
        {
            foreach (var index in LineIndexes(document).Reverse().Where(i => !matched.Contains(document.Records[i])))
            {
                var removed = Describe(document.Records[index]);
                document.RemoveAt(index);
                changes.Add(new ConfChange("gres", removed, null, removed, null));
            }
        }

        if (request.GresTypes is { } types)
        {
            var declared = types.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.OrdinalIgnoreCase);
            warnings.AddRange(request.Lines.Select(l => l["Name"]).OfType<string>().Distinct().Where(n => !declared.Contains(n))
                .Select(n => $"gres {n} is not in slurm.conf's GresTypes ({types}): Slurm ignores its gres.conf lines until it is"));
        }

        var after = document.ToBytes();
        ReadBack.Verify(after, ConfDialect.GresConf, request.AutoDetect is { } a ? [a] : []);
        var impacts = changes.Select(c => ImpactOf(c, request)).ToList();
        return new ConfPlan(current, after, changes, RestartDecision.From(impacts), warnings, []);
    }

    private static IReadOnlyList<int> LineIndexes(ConfDocument document) =>
        Enumerable.Range(0, document.Records.Count).Where(i => document.Records[i].Kind == ConfRecordKind.Line).ToList();

    private static bool Matches(ConfRecord record, GresLineSpec spec)
    {
        foreach (var key in new[] { "Name", "Type", "File" })
        {
            var have = record.ValueOf(key) is { } v ? ConfText.ToDisplay(v) : null;
            if (!string.Equals(have, spec[key], StringComparison.Ordinal))
            {
                return false;
            }
        }

        var nodes = record.ValueOf("NodeName") is { } n ? ConfText.ToDisplay(n) : null;
        var wanted = spec["NodeName"];
        return nodes is null || wanted is null ? nodes == wanted : SameHosts(nodes, wanted);
    }

    private static bool SameHosts(string a, string b)
    {
        try
        {
            return Hostlist.SameHosts(a, b);
        }
        catch (FormatException)
        {
            return string.Equals(a, b, StringComparison.Ordinal);
        }
    }

    /// <summary>NodeName first (it scopes the line), then Name, Type, File, then the rest in the order given.</summary>
    private static ConfRecord NewLine(ConfDocument document, GresLineSpec spec)
    {
        var ordered = spec.Attributes.Where(a => a.Value is not null)
            .OrderBy(a => Array.FindIndex(IdentityKeys, k => string.Equals(k, a.Key, StringComparison.OrdinalIgnoreCase)) is var i and >= 0 ? i : IdentityKeys.Length)
            .Select(a => new KeyValuePair<string, string>(a.Key, ConfText.FromUser(a.Value!.Text)));
        return ConfRecord.Create(ordered, document.LineEnding, document.Dialect);
    }

    private static void CheckRequest(IReadOnlyList<GresLineSpec> lines)
    {
        var seen = new List<GresLineSpec>();
        foreach (var spec in lines)
        {
            foreach (var (key, _) in spec.Attributes)
            {
                ConfValue.CheckKey(key);
            }

            if (string.IsNullOrEmpty(spec["Name"]) && (spec["NodeName"] is null || spec["AutoDetect"] is null))
            {
                throw new ArgumentException($"gres line {Describe(spec)} has no Name (e.g. Name=gpu); only a NodeName=... AutoDetect=... line goes without one");
            }

            if (spec["NodeName"] is { } nodes)
            {
                try
                {
                    Hostlist.Expand(nodes);
                }
                catch (FormatException e)
                {
                    throw new ArgumentException($"gres line {Describe(spec)}: NodeName is not a valid host list: {e.Message}");
                }
            }

            if (seen.Any(s => IdentityKeys.All(k => string.Equals(s[k], spec[k], StringComparison.Ordinal))))
            {
                throw new ArgumentException($"gres line {Describe(spec)} is given twice (lines are identified by NodeName, Name, Type and File)");
            }

            seen.Add(spec);
        }
    }

    private static Impact ImpactOf(ConfChange change, GresConfRequest request)
    {
        var what = change.Key is null
            ? $"gres {change.Name} {(change.Before is null ? "added" : "removed")}"
            : $"gres {change.Name ?? "(global)"}: {change.Key} {change.Before ?? "(unset)"} -> {change.After ?? "(unset)"}";
        if (request.Rules.ReconfigureRestartsDaemons)
        {
            return Impact.Reconfigure($"{what}: scontrol reconfigure");
        }

        // gres.conf(5): "A restart of the slurmctld and slurmd daemons is required for changes to the Type option";
        // "A restart of the slurmctld is needed for changes to the Cores option".
        var typeChanged = string.Equals(change.Key, "Type", StringComparison.OrdinalIgnoreCase) || (change.Key is null && change.Name!.Contains("Type=", StringComparison.Ordinal));
        if (typeChanged)
        {
            return new Impact($"{what}: restart slurmctld and slurmd ({request.Rules.Describe()})", [Daemons.Slurmctld, Daemons.Slurmd]);
        }

        return string.Equals(change.Key, "Cores", StringComparison.OrdinalIgnoreCase)
            ? new Impact($"{what}: restart slurmctld ({request.Rules.Describe()})", [Daemons.Slurmctld])
            : Impact.Reconfigure($"{what}: scontrol reconfigure");
    }

    private static string Describe(GresLineSpec spec) =>
        IdentityKeys.Any(k => spec[k] is not null)
            ? string.Join(' ', IdentityKeys.Where(k => spec[k] is not null).Select(k => $"{k}={spec[k]}"))
            : "(without NodeName, Name, Type or File)";

    private static string Describe(ConfRecord record) =>
        string.Join(' ', IdentityKeys.Where(k => record.ValueOf(k) is not null).Select(k => $"{k}={ConfText.ToDisplay(record.ValueOf(k)!)}"));
}
