namespace HpcWekaSlurm.Weka.ServiceConf;

/// <summary>One key the edit touches: its old and new value (null = absent).</summary>
public sealed record SettingChange(string Key, string? Before, string? After, string? Section);

/// <summary>The result of planning an edit: the new text, what changed, and what the admin should know.</summary>
public sealed record ServiceConfPlan(string Before, string After, IReadOnlyList<SettingChange> Changes, IReadOnlyList<string> Warnings)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// Plans edits of WEKA's service.conf. An existing key is changed where it is (first occurrence,
/// whatever its section or spacing); a duplicate is reported, never added; a key absent everywhere
/// goes to the requested section, else the first section, else the top of the file.
/// </summary>
public static class ServiceConfEditor
{
    /// <param name="settings">Keys to set; a null value removes every line of that key.</param>
    public static ServiceConfPlan Plan(string current, IEnumerable<KeyValuePair<string, string?>> settings, string? section)
    {
        var document = IniDocument.Parse(current);
        var changes = new List<SettingChange>();
        var warnings = new List<string>();

        foreach (var (key, value) in settings)
        {
            ValidateKey(key);
            var found = document.FindKey(key);
            if (found.Count > 1 && value is not null)
            {
                warnings.Add($"'{key}' is set {found.Count} times (lines {string.Join(", ", found.Select(i => i + 1))}); " +
                              "the first is managed, remove the others so the WEKA agent reads one value");
            }

            if (value is null)
            {
                foreach (var index in found.Reverse())
                {
                    changes.Add(new SettingChange(key, document.Lines[index].Value, null, document.SectionOf(index)));
                    document.RemoveAt(index);
                }

                continue;
            }

            ValidateValue(key, value);
            if (found.Count > 0)
            {
                var line = document.Lines[found[0]];
                if (line.Value != value)
                {
                    changes.Add(new SettingChange(key, line.Value, value, document.SectionOf(found[0])));
                    document.Replace(found[0], line.WithValue(value));
                }

                continue;
            }

            var target = section ?? document.Sections.FirstOrDefault();
            changes.Add(new SettingChange(key, null, value, target));
            document.Add(key, value, target);
        }

        return new ServiceConfPlan(current, document.Render(), changes, warnings);
    }

    private static void ValidateKey(string key)
    {
        if (key.Length == 0 || key.Any(c => c is '=' or '[' or ']' or '\r' or '\n' or '#' or ';') || key.Trim() != key)
        {
            throw new ArgumentException($"'{key}' is not a valid service.conf key (no '=', brackets, comment characters, newlines or surrounding spaces)");
        }
    }

    private static void ValidateValue(string key, string value)
    {
        if (value.Contains('\n') || value.Contains('\r'))
        {
            throw new ArgumentException($"the value of '{key}' contains a newline, which would break service.conf");
        }
    }
}
