namespace HpcWekaSlurm.Slurm.Config;

/// <summary>
/// The edits every Slurm config file shares: set or remove a global key in place, and set or
/// remove attributes of a line record. Values are replaced where they are; a new key goes next
/// to the settings already there. Each edit reports what it changed.
/// </summary>
public static class ConfEditor
{
    /// <summary>
    /// Makes <paramref name="key"/> read <paramref name="value"/> (null: removes every line of it).
    /// Existing lines are paired with the values in order and edited in place; extra lines are
    /// removed; extra values are added after the last existing line.
    /// </summary>
    public static ConfChange? SetSetting(ConfDocument document, string key, DesiredValue? value, string scope = "setting")
    {
        ConfValue.CheckKey(key);
        if (document.Dialect.IsLineKey(key))
        {
            throw new ArgumentException($"'{key}' starts a line record in {document.Dialect.Name}, it is not a single setting");
        }

        var indexes = document.SettingIndexes(key);
        var before = indexes.Count == 0 ? null : string.Join(',', indexes.Select(i => Display(document.Records[i].Pairs[0].Value)));
        var wanted = value?.Values ?? [];
        var changed = false;

        for (var k = indexes.Count - 1; k >= wanted.Count; k--)
        {
            document.RemoveAt(indexes[k]);
            changed = true;
        }

        for (var k = 0; k < Math.Min(indexes.Count, wanted.Count); k++)
        {
            var record = document.Records[indexes[k]];
            if (!value!.Matches(Display(record.Pairs[0].Value), k))
            {
                document.Replace(indexes[k], record.WithValue(0, ConfText.FromUser(wanted[k])));
                changed = true;
            }
        }

        var at = indexes.Count > 0 ? indexes[^1] + 1 : NewSettingIndex(document);
        for (var k = indexes.Count; k < wanted.Count; k++)
        {
            document.Insert(at++, ConfRecord.Create([new(key, ConfText.FromUser(wanted[k]))], document.LineEnding, document.Dialect));
            changed = true;
        }

        var after = value is null ? null : value.Text;
        return changed ? new ConfChange(scope, null, key, before, after) : null;
    }

    /// <summary>
    /// Applies attribute edits to a line record: a key present is replaced in place (every
    /// occurrence, Slurm reads the last), an absent one is appended, a null value removes it.
    /// The record's own first key (its name) is never touched here.
    /// </summary>
    public static ConfRecord ApplyAttributes(ConfRecord record, IEnumerable<KeyValuePair<string, DesiredValue?>> attributes, Action<string, string?, string?> changed)
    {
        foreach (var (key, value) in attributes)
        {
            ConfValue.CheckKey(key);
            if (record.Pairs[0].Is(key))
            {
                continue;
            }

            var indexes = record.IndexesOf(key).Where(i => i > 0).ToList();
            var before = indexes.Count == 0 ? null : Display(record.Pairs[indexes[^1]].Value);
            if (value is null)
            {
                foreach (var i in indexes.AsEnumerable().Reverse())
                {
                    record = record.WithoutPair(i);
                }

                if (before is not null)
                {
                    changed(key, before, null);
                }

                continue;
            }

            if (indexes.Count == 0)
            {
                record = record.WithPairAdded(key, ConfText.FromUser(value.Text));
                changed(key, null, value.Text);
                continue;
            }

            var edited = false;
            foreach (var i in indexes)
            {
                if (!new DesiredValue([value.Text], value.Boolean).Matches(Display(record.Pairs[i].Value)))
                {
                    record = record.WithValue(i, ConfText.FromUser(value.Text));
                    edited = true;
                }
            }

            if (edited)
            {
                changed(key, before, value.Text);
            }
        }

        return record;
    }

    /// <summary>Where a new global key goes: after the last setting that precedes the first line record.</summary>
    public static int NewSettingIndex(ConfDocument document)
    {
        var records = document.Records;
        var firstLine = Enumerable.Range(0, records.Count).FirstOrDefault(i => records[i].Kind == ConfRecordKind.Line, records.Count);
        for (var i = firstLine - 1; i >= 0; i--)
        {
            if (records[i].Kind is ConfRecordKind.Setting or ConfRecordKind.Include)
            {
                return i + 1;
            }
        }

        if (firstLine == records.Count)
        {
            return records.Count;
        }

        // No setting yet: before the comment block that introduces the first line record, unless that block opens the file.
        var start = firstLine;
        while (start > 0 && records[start - 1].Kind == ConfRecordKind.Trivia)
        {
            start--;
        }

        return start == 0 ? firstLine : start;
    }

    /// <summary>Document text (bytes as Latin-1 chars) as the user reads it.</summary>
    public static string Display(string text) => ConfText.ToDisplay(text);
}
