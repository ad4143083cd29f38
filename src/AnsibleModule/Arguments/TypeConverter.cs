using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule.Arguments;

/// <summary>
/// Converts a raw JSON value to an option's type with the same leniency as
/// ansible.module_utils.common.validation (truthy strings, "1,2" lists, "k=v" dicts).
/// </summary>
public static class TypeConverter
{
    private static readonly HashSet<string> TrueStrings = new(StringComparer.OrdinalIgnoreCase) { "y", "yes", "on", "1", "true", "t" };
    private static readonly HashSet<string> FalseStrings = new(StringComparer.OrdinalIgnoreCase) { "n", "no", "off", "0", "false", "f" };

    /// <summary>Returns the converted value, or throws <see cref="FormatException"/> saying what was expected.</summary>
    public static JsonNode? Convert(JsonNode? value, ArgType type, ArgType elements = ArgType.Raw)
    {
        if (value is null)
        {
            return null;
        }

        return type switch
        {
            ArgType.Raw => value.DeepClone(),
            ArgType.Str => JsonValue.Create(ToStr(value)),
            ArgType.Path => JsonValue.Create(ExpandPath(ToPath(value))),
            ArgType.Bool => JsonValue.Create(ToBool(value)),
            ArgType.Int => JsonValue.Create(ToInt(value)),
            ArgType.Float => JsonValue.Create(ToFloat(value)),
            ArgType.List => ToList(value, elements),
            ArgType.Dict => ToDict(value),
            _ => throw new FormatException($"unsupported type {type}"),
        };
    }

    public static string Describe(JsonNode? value) => value switch
    {
        null => "null",
        JsonObject => "a dict",
        JsonArray => "a list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "a string",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "a bool",
        _ => "a number",
    };

    private static string ToStr(JsonNode value)
    {
        if (value is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.String:
                    return v.GetValue<string>();
                case JsonValueKind.Number:
                    return v.ToJsonString();
                case JsonValueKind.True:
                    return "True";
                case JsonValueKind.False:
                    return "False";
            }
        }

        throw new FormatException($"expected a string, got {Describe(value)}");
    }

    /// <summary>No file API takes a NUL byte in a path (Python's os functions refuse it the same way).</summary>
    private static string ToPath(JsonNode value)
    {
        var s = ToStr(value);
        return s.Contains('\0') ? throw new FormatException("expected a path, got a string with a NUL character") : s;
    }

    private static bool ToBool(JsonNode value)
    {
        if (value is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String:
                    var s = v.GetValue<string>().Trim();
                    if (TrueStrings.Contains(s))
                    {
                        return true;
                    }

                    if (FalseStrings.Contains(s))
                    {
                        return false;
                    }

                    throw new FormatException($"expected a bool, got the string '{Clip(s)}' (use true/false, yes/no, on/off or 1/0)");
                case JsonValueKind.Number:
                    var d = v.GetValue<double>();
                    if (d == 1)
                    {
                        return true;
                    }

                    if (d == 0)
                    {
                        return false;
                    }

                    throw new FormatException($"expected a bool, got the number {v.ToJsonString()}");
            }
        }

        throw new FormatException($"expected a bool, got {Describe(value)}");
    }

    private static long ToInt(JsonNode value)
    {
        if (value is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.Number:
                    if (v.TryGetValue(out long l))
                    {
                        return l;
                    }

                    var d = v.GetValue<double>();
                    if (Math.Floor(d) == d && d >= long.MinValue && d <= long.MaxValue)
                    {
                        return (long)d;
                    }

                    throw new FormatException($"expected an integer, got {v.ToJsonString()}");
                case JsonValueKind.String:
                    var s = v.GetValue<string>().Trim();
                    if (long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                    {
                        return parsed;
                    }

                    throw new FormatException($"expected an integer, got the string '{Clip(s)}'");
            }
        }

        throw new FormatException($"expected an integer, got {Describe(value)}");
    }

    private static double ToFloat(JsonNode value)
    {
        if (value is JsonValue v)
        {
            switch (v.GetValueKind())
            {
                case JsonValueKind.Number:
                    return v.GetValue<double>();
                case JsonValueKind.String:
                    var s = v.GetValue<string>().Trim();
                    if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && double.IsFinite(parsed))
                    {
                        return parsed;
                    }

                    throw new FormatException($"expected a float, got the string '{Clip(s)}'");
            }
        }

        throw new FormatException($"expected a float, got {Describe(value)}");
    }

    private static JsonArray ToList(JsonNode value, ArgType elements)
    {
        IEnumerable<JsonNode?> items = value switch
        {
            JsonArray a => a,
            JsonValue v when v.GetValueKind() == JsonValueKind.String =>
                v.GetValue<string>().Length == 0
                    ? []
                    : v.GetValue<string>().Split(',').Select(p => (JsonNode?)JsonValue.Create(p.Trim())),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => [JsonValue.Create(v.ToJsonString())],
            _ => throw new FormatException($"expected a list, got {Describe(value)}"),
        };

        var result = new JsonArray();
        var index = 0;
        foreach (var item in items)
        {
            try
            {
                if (item is null && elements != ArgType.Raw)
                {
                    throw new FormatException($"expected {elements.ToString().ToLowerInvariant()} elements, got null");
                }

                result.Add(elements == ArgType.Raw ? item?.DeepClone() : Convert(item, elements));
            }
            catch (FormatException e)
            {
                throw new FormatException($"element {index}: {e.Message}");
            }

            index++;
        }

        return result;
    }

    private static JsonObject ToDict(JsonNode value)
    {
        switch (value)
        {
            case JsonObject o:
                return (JsonObject)o.DeepClone();
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                var s = v.GetValue<string>().Trim();
                if (s.StartsWith('{'))
                {
                    try
                    {
                        if (JsonNode.Parse(s) is JsonObject parsed)
                        {
                            return parsed;
                        }
                    }
                    catch (JsonException)
                    {
                    }

                    throw new FormatException("expected a dict, got a string that is not a JSON object");
                }

                var dict = new JsonObject();
                foreach (var pair in s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    var eq = pair.IndexOf('=');
                    if (eq <= 0)
                    {
                        throw new FormatException($"expected a dict, got the string '{Clip(s)}' (not key=value pairs)");
                    }

                    dict[pair[..eq].Trim()] = JsonValue.Create(pair[(eq + 1)..].Trim());
                }

                return dict;
            default:
                throw new FormatException($"expected a dict, got {Describe(value)}");
        }
    }

    /// <summary>Like Python's os.path.expanduser(os.path.expandvars(path)): $VAR and ${VAR}; unknown ones stay.</summary>
    private static string ExpandPath(string path)
    {
        var sb = new System.Text.StringBuilder(path.Length);
        for (var i = 0; i < path.Length; i++)
        {
            if (path[i] == '$' && i + 1 < path.Length)
            {
                var braced = path[i + 1] == '{';
                var start = braced ? i + 2 : i + 1;
                var end = start;
                while (end < path.Length && (char.IsAsciiLetterOrDigit(path[end]) || path[end] == '_'))
                {
                    end++;
                }

                var closed = !braced || (end < path.Length && path[end] == '}');
                var value = end > start && closed ? Environment.GetEnvironmentVariable(path[start..end]) : null;
                if (value is not null)
                {
                    sb.Append(value);
                    i = braced ? end : end - 1;
                    continue;
                }
            }

            sb.Append(path[i]);
        }

        var expanded = sb.ToString();
        if (expanded == "~" || expanded.StartsWith("~/", StringComparison.Ordinal))
        {
            expanded = (Environment.GetEnvironmentVariable("HOME") ?? "/") + expanded[1..];
        }

        return expanded;
    }

    /// <summary>Keeps user values short in messages.</summary>
    internal static string Clip(string s) => s.Length <= 60 ? s : s[..57] + "...";
}
