using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.Slurm.SlurmConf;

/// <summary>
/// Edits PartitionName lines by name (Slurm compares partition names exactly). Requested
/// attributes are set in place; with exclusive_partitions, partitions not requested are removed.
/// </summary>
internal static class PartitionLineEditor
{
    private const string Key = "PartitionName";

    public static void Apply(ConfDocument document, IReadOnlyList<LineSpec> partitions, bool exclusive, List<ConfChange> changes)
    {
        var wanted = new Dictionary<string, LineSpec>(StringComparer.Ordinal);
        foreach (var partition in partitions.Where(p => !LineRecords.IsDefault(p.Name)))
        {
            if (partition.Name.Length == 0 || partition.Name.Any(c => c is ',' or ' ' or '\t'))
            {
                throw new ArgumentException($"partition name '{partition.Name}' is empty or holds a comma or blank");
            }

            if (!wanted.TryAdd(partition.Name, partition))
            {
                throw new ArgumentException($"partition {partition.Name} is given twice in partitions");
            }
        }

        var present = new HashSet<string>(StringComparer.Ordinal);
        foreach (var index in document.LineIndexes(Key).Reverse())
        {
            var record = document.Records[index];
            var name = ConfText.ToDisplay(record.Name!);
            if (LineRecords.IsDefault(name))
            {
                continue;
            }

            present.Add(name);
            if (wanted.TryGetValue(name, out var spec))
            {
                document.Replace(index, ConfEditor.ApplyAttributes(record, spec.Attributes, (k, b, a) => changes.Add(new ConfChange("partition", name, k, b, a))));
            }
            else if (exclusive)
            {
                document.RemoveAt(index);
                changes.Add(new ConfChange("partition", name, null, name, null));
            }
        }

        var at = InsertionIndex(document);
        foreach (var spec in wanted.Values.Where(p => !present.Contains(p.Name)))
        {
            document.Insert(at++, LineRecords.NewLine(document, Key, spec.Name, spec.Attributes));
            changes.Add(new ConfChange("partition", spec.Name, null, null, spec.Name));
        }

        LineRecords.ApplyDefaults(document, Key, "partition", partitions.Where(p => LineRecords.IsDefault(p.Name)), () => InsertionIndex(document), changes);
    }

    private static int InsertionIndex(ConfDocument document)
    {
        var lines = document.LineIndexes(Key);
        return lines.Count > 0 ? lines[^1] + 1 : document.Records.Count;
    }
}
