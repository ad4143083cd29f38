using System.Text.Json;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>
/// Turns option values (JSON) into the values the Slurm planners take: bools as yes/no, numbers as
/// written, null as "remove". Every error names the option and the key.
/// </summary>
public static class DesiredValues
{
    /// <summary>A dict of keys in Slurm's spelling; a list value means one line per element for <paramref name="repeatable"/> keys, else a comma-joined value.</summary>
    public static IReadOnlyList<KeyValuePair<string, DesiredValue?>> Settings(JsonObject? dict, string option, IReadOnlySet<string>? repeatable = null)
    {
        var result = new List<KeyValuePair<string, DesiredValue?>>();
        if (dict is null)
        {
            return result;
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, node) in dict)
        {
            if (!seen.TryAdd(key, key))
            {
                throw new ModuleFailure($"option '{option}': '{key}' is given twice (Slurm keys are case-insensitive, '{seen[key]}' is the same key)");
            }

            CheckKey(key, option);
            result.Add(new(key, Value(node, $"option '{option}': the value of '{key}'", repeatable?.Contains(key) ?? false)));
        }

        return result;
    }

    /// <summary>A list of line records, each a dict with <paramref name="nameKey"/> or a whole line as text.</summary>
    public static IReadOnlyList<LineSpec> Lines(JsonArray? list, string option, string nameKey, ConfDialect dialect)
    {
        var result = new List<LineSpec>();
        if (list is null)
        {
            return result;
        }

        for (var i = 0; i < list.Count; i++)
        {
            var where = $"option '{option}' element {i}";
            switch (list[i])
            {
                case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                    try
                    {
                        result.Add(LineSpec.FromLine(v.GetValue<string>(), nameKey, dialect));
                    }
                    catch (ArgumentException e)
                    {
                        throw new ModuleFailure($"{where}: {e.Message}");
                    }

                    break;
                case JsonObject o:
                    var attributes = Settings(o, $"{option}[{i}]");
                    var name = attributes.Where(a => string.Equals(a.Key, nameKey, StringComparison.OrdinalIgnoreCase)).Select(a => a.Value?.Text).FirstOrDefault();
                    if (string.IsNullOrWhiteSpace(name))
                    {
                        throw new ModuleFailure($"{where}: {nameKey} is required (a dict with {nameKey} and the line's other keys, or the whole line as text)");
                    }

                    result.Add(new LineSpec(name, attributes.Where(a => !string.Equals(a.Key, nameKey, StringComparison.OrdinalIgnoreCase)).ToList()));
                    break;
                default:
                    throw new ModuleFailure($"{where}: expected a dict of {nameKey} and other keys, or a line of text, got {Describe(list[i])}");
            }
        }

        return result;
    }

    /// <summary>One value: string, number, bool (yes/no), a list (comma-joined, or one line each when repeatable), or null (remove).</summary>
    public static DesiredValue? Value(JsonNode? node, string what, bool repeatable = false)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonArray array:
                var items = array.Select(item => Scalar(item, what)).ToList();
                if (items.Count == 0)
                {
                    throw new ModuleFailure($"{what} is an empty list (use null to remove the key)");
                }

                return repeatable ? new DesiredValue(items) : DesiredValue.Of(string.Join(',', items));
            case JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                return DesiredValue.Of(v.GetValue<bool>());
            default:
                return DesiredValue.Of(Scalar(node, what));
        }
    }

    private static string Scalar(JsonNode? node, string what) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "yes",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "no",
        _ => throw new ModuleFailure($"{what} must be a string, number, bool or a list of them, not {Describe(node)}"),
    };

    private static void CheckKey(string key, string option)
    {
        try
        {
            ConfValue.CheckKey(key);
        }
        catch (ArgumentException e)
        {
            throw new ModuleFailure($"option '{option}': {e.Message}");
        }
    }

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "a dict",
        JsonArray => "a list",
        _ => "a " + node.GetValueKind().ToString().ToLowerInvariant(),
    };
}
