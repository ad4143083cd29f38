using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.Slurm.SlurmConf;

/// <summary>What node and partition lines share: DEFAULT lines and writing a new line.</summary>
internal static class LineRecords
{
    public const string Default = "DEFAULT";

    public static bool IsDefault(string name) => string.Equals(name, Default, StringComparison.OrdinalIgnoreCase);

    /// <summary>A new <c>KEY=name k=v ...</c> line in the document's line-ending style (null attributes skipped).</summary>
    public static ConfRecord NewLine(ConfDocument document, string key, string name, IEnumerable<KeyValuePair<string, DesiredValue?>> attributes)
    {
        var pairs = new List<KeyValuePair<string, string>> { new(key, ConfText.FromUser(name)) };
        foreach (var (k, v) in attributes)
        {
            ConfValue.CheckKey(k);
            if (v is not null && !string.Equals(k, key, StringComparison.OrdinalIgnoreCase))
            {
                pairs.Add(new(k, ConfText.FromUser(v.Text)));
            }
        }

        return ConfRecord.Create(pairs, document.LineEnding, document.Dialect);
    }

    /// <summary>
    /// KEY=DEFAULT edits apply to every DEFAULT line (each sets defaults for the lines after it);
    /// a missing DEFAULT line is added before the first line of that kind.
    /// </summary>
    public static void ApplyDefaults(ConfDocument document, string key, string scope, IEnumerable<LineSpec> defaults, Func<int> insertionIndex, List<ConfChange> changes)
    {
        foreach (var spec in defaults)
        {
            var indexes = document.LineIndexes(key).Where(i => IsDefault(ConfText.ToDisplay(document.Records[i].Name!))).ToList();
            foreach (var index in indexes)
            {
                document.Replace(index, ConfEditor.ApplyAttributes(document.Records[index], spec.Attributes,
                    (k, b, a) => changes.Add(new ConfChange(scope, Default, k, b, a))));
            }

            if (indexes.Count == 0 && spec.Attributes.Any(a => a.Value is not null))
            {
                var first = document.LineIndexes(key).DefaultIfEmpty(insertionIndex()).First();
                document.Insert(first, NewLine(document, key, Default, spec.Attributes));
                changes.AddRange(spec.Attributes.Where(a => a.Value is not null).Select(a => new ConfChange(scope, Default, a.Key, null, a.Value!.Text)));
            }
        }
    }
}
