using System.Text.Json;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Facts;

/// <summary>
/// Reads a dict given to the module (facts passed back, inventory expectations) with the option
/// types' leniency (TypeConverter: "450" is an int), failing with the full path of the bad value.
/// An empty string is a value not set: Ansible templates <c>"{{ x | default(none) }}"</c> inside a
/// dict as "".
/// </summary>
public sealed class JsonFields
{
    private readonly JsonObject node;

    private JsonFields(JsonObject node, string path)
    {
        this.node = node;
        Path = path;
    }

    /// <summary>Where this dict is, e.g. <c>hosts.compute-0.facts.clock</c>.</summary>
    public string Path { get; }

    /// <exception cref="FormatException">Not a dict; the message names the path.</exception>
    public static JsonFields Of(JsonNode? value, string path) =>
        value is JsonObject o ? new JsonFields(o, path) : throw Bad(path, "a dict", value);

    public bool Has(string key) => node[key] is not null;

    public JsonFields Dict(string key) => Of(node[key], At(key));

    public JsonFields? OptionalDict(string key) => node[key] is null ? null : Dict(key);

    public IEnumerable<string> Keys => node.Select(kv => kv.Key);

    public string Str(string key) => OptionalStr(key) ?? throw Bad(At(key), "a string", null);

    public string? OptionalStr(string key) => (string?)Convert(key, ArgType.Str);

    public long Long(string key) => OptionalLong(key) ?? throw Bad(At(key), "an integer", null);

    public long? OptionalLong(string key) => (long?)Convert(key, ArgType.Int);

    public double Double(string key) => OptionalDouble(key) ?? throw Bad(At(key), "a number", null);

    public double? OptionalDouble(string key) => (double?)Convert(key, ArgType.Float);

    public bool Bool(string key) => (bool?)Convert(key, ArgType.Bool) ?? false;

    public IReadOnlyList<string> StrList(string key) => OptionalList(key, ArgType.Str)?.Select(n => n!.GetValue<string>()).ToList() ?? [];

    public IReadOnlyList<long>? OptionalLongList(string key) => OptionalList(key, ArgType.Int)?.Select(n => n!.GetValue<long>()).ToList();

    public IReadOnlyDictionary<string, string> StrDict(string key)
    {
        var dict = OptionalDict(key);
        return dict is null
            ? new Dictionary<string, string>(StringComparer.Ordinal)
            : dict.Keys.ToDictionary(k => k, dict.Str, StringComparer.Ordinal);
    }

    private JsonArray? OptionalList(string key, ArgType elements) => (JsonArray?)Convert(key, ArgType.List, node[key], Path, elements);

    private JsonNode? Convert(string key, ArgType type) => Convert(key, type, node[key], Path);

    private static JsonNode? Convert(string key, ArgType type, JsonNode? value, string parent, ArgType elements = ArgType.Raw)
    {
        if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String && v.GetValue<string>().Trim().Length == 0)
        {
            return null;
        }

        try
        {
            return TypeConverter.Convert(value, type, elements);
        }
        catch (FormatException e)
        {
            throw new FormatException($"{parent}.{key}: {e.Message}");
        }
    }

    private string At(string key) => $"{Path}.{key}";

    private static FormatException Bad(string path, string expected, JsonNode? value) =>
        new($"{path}: expected {expected}, got {(value is null ? "nothing" : TypeConverter.Describe(value))}");
}
