using System.Text.RegularExpressions;

namespace HpcWekaSlurm.CpuAudit;

/// <summary>
/// Reads the text of <c>scontrol show node [NAME]</c>, in its multi-line or <c>--oneliner</c> form,
/// one or several nodes. Fields are <c>Key=value</c>; a value may hold blanks (OS=, Reason=), so a
/// word without a <c>Key=</c> prefix continues the value before it.
/// </summary>
public static partial class ScontrolShowNode
{
    public static IReadOnlyList<SlurmNodeRecord> Parse(string text)
    {
        var records = new List<Dictionary<string, string>>();
        string? lastKey = null;
        foreach (var word in text.Split([' ', '\t', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries))
        {
            var field = FieldStart().Match(word);
            if (field.Success && field.Groups[1].Value == "NodeName")
            {
                records.Add([]);
            }

            if (records.Count == 0)
            {
                throw new AuditException($"scontrol output does not start with 'NodeName=' (it starts with '{Shorten(text.Trim())}'): give the output of `scontrol show node NAME`");
            }

            var current = records[^1];
            // A key seen before is text: a Reason= or Comment= value may quote "Key=value".
            if (field.Success && !current.ContainsKey(field.Groups[1].Value))
            {
                lastKey = field.Groups[1].Value;
                current[lastKey] = word[(lastKey.Length + 1)..];
            }
            else if (lastKey is not null)
            {
                current[lastKey] += " " + word;
            }
        }

        return records.Count > 0
            ? [.. records.Select(r => new SlurmNodeRecord(r))]
            : throw new AuditException("scontrol output is empty: give the output of `scontrol show node NAME`");
    }

    /// <summary>
    /// The record of <paramref name="nodeName"/> when given; else the only record; else the one named
    /// like the host (<paramref name="hostname"/>).
    /// </summary>
    public static SlurmNodeRecord Select(IReadOnlyList<SlurmNodeRecord> records, string? nodeName, string? hostname)
    {
        var names = string.Join(", ", records.Select(r => r.NodeName));
        if (nodeName is not null)
        {
            return records.FirstOrDefault(r => r.NodeName == nodeName)
                   ?? throw new AuditException($"scontrol output has no node '{nodeName}' (it has: {names})");
        }

        if (records.Count == 1)
        {
            return records[0];
        }

        return records.FirstOrDefault(r => r.NodeName == hostname)
               ?? throw new AuditException($"scontrol output has several nodes ({names}) and none is named like this host ('{hostname}'): give node_name");
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "..." : text;

    [GeneratedRegex("^([A-Za-z][A-Za-z0-9_]*)=")]
    private static partial Regex FieldStart();
}
