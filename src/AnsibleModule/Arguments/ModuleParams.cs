using System.Text.Json;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule.Arguments;

/// <summary>Validated, converted option values (defaults filled in), with typed accessors.</summary>
public sealed class ModuleParams
{
    private readonly Dictionary<string, JsonNode?> _values;
    private readonly HashSet<string> _given;

    internal ModuleParams(Dictionary<string, JsonNode?> values, HashSet<string> given, IReadOnlyList<string> secrets)
    {
        _values = values;
        _given = given;
        Secrets = secrets;
    }

    /// <summary>The string forms of every no_log value, to be scrubbed from all output.</summary>
    public IReadOnlyList<string> Secrets { get; }

    public IReadOnlyDictionary<string, JsonNode?> Values => _values;

    /// <summary>True when the user gave the option (not only its default).</summary>
    public bool IsGiven(string name) => _given.Contains(name);

    /// <summary>True when the option has a non-null value (given or defaulted).</summary>
    public bool Has(string name) => Get(name) is not null;

    public JsonNode? Get(string name) =>
        _values.TryGetValue(name, out var v) ? v : throw new KeyNotFoundException($"option '{name}' is not in the spec");

    public string? Str(string name) => Get(name)?.GetValue<string>();

    public string RequiredStr(string name) => Str(name) ?? throw new ModuleFailure($"option '{name}' is required");

    public bool Bool(string name) => Get(name)?.GetValue<bool>() ?? false;

    public bool? OptionalBool(string name) => Get(name)?.GetValue<bool>();

    public long? Int(string name) => Get(name)?.GetValue<long>();

    public double? Float(string name) => Get(name)?.GetValue<double>();

    public JsonObject? Dict(string name) => Get(name) as JsonObject;

    public JsonArray? List(string name) => Get(name) as JsonArray;

    public IReadOnlyList<string> StrList(string name) =>
        List(name)?.Select(n => n is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : n?.ToJsonString() ?? string.Empty).ToList() ?? [];

    public IReadOnlyList<long> IntList(string name) => List(name)?.Select(n => n!.GetValue<long>()).ToList() ?? [];
}
