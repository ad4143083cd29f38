using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule.Results;

/// <summary>
/// Writes the one JSON object Ansible reads from a module's stdout. Every no_log value is
/// masked in <c>invocation</c> and scrubbed from every other string, as AnsibleModule does.
/// </summary>
public static class ResultWriter
{
    public const string NoLogPlaceholder = "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER";
    public const string Mask = "********";

    /// <summary>
    /// Set in a result that discloses a secret (<see cref="ModuleResult.Disclosed"/>): the collection's
    /// action plugin then marks the result no_log, so Ansible neither displays nor logs it.
    /// </summary>
    public const string NoLogMarker = "_hpc_weka_slurm_no_log";

    public static JsonObject ToJson(ModuleResult result, JsonObject? invocation, IEnumerable<string> secrets)
    {
        var json = new JsonObject
        {
            ["changed"] = result.Changed,
        };
        if (result.Failed)
        {
            json["failed"] = true;
        }

        if (result.Msg is not null)
        {
            json["msg"] = result.Msg;
        }

        if (result.Diff.Count > 0)
        {
            var entries = result.Diff.Select(d => (JsonNode)new JsonObject
            {
                ["before"] = d.Before,
                ["after"] = d.After,
                ["before_header"] = d.BeforeHeader,
                ["after_header"] = d.AfterHeader,
            }).ToList();
            json["diff"] = entries.Count == 1 ? entries[0] : new JsonArray([.. entries]);
        }

        if (result.Warnings.Count > 0)
        {
            json["warnings"] = new JsonArray([.. result.Warnings.Select(w => (JsonNode?)JsonValue.Create(w))]);
        }

        foreach (var (key, value) in result.Extra)
        {
            json[key] = value?.DeepClone();
        }

        if (invocation is not null)
        {
            json["invocation"] = new JsonObject { ["module_args"] = invocation.DeepClone() };
        }

        var all = secrets.Concat(result.Secrets).Where(s => s.Length > 0).Distinct().OrderByDescending(s => s.Length).ToList();
        var scrubbed = all.Count == 0 ? json : (JsonObject)Scrub(json, all)!;
        if (!result.Failed && result.Disclosed.Count > 0)
        {
            foreach (var (key, value) in result.Disclosed)
            {
                scrubbed[key] = value?.DeepClone();
            }

            scrubbed[NoLogMarker] = true;
        }

        return scrubbed;
    }

    public static string Serialize(JsonObject json)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>The validated options for <c>invocation.module_args</c>, no_log values replaced.</summary>
    public static JsonObject Invocation(IReadOnlyDictionary<string, JsonNode?> values, IReadOnlySet<string> noLogOptions)
    {
        var args = new JsonObject();
        foreach (var (key, value) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            args[key] = noLogOptions.Contains(key) && value is not null ? NoLogPlaceholder : value?.DeepClone();
        }

        return args;
    }

    private static JsonNode? Scrub(JsonNode? node, IReadOnlyList<string> secrets)
    {
        switch (node)
        {
            case JsonObject o:
                var obj = new JsonObject();
                foreach (var (key, value) in o)
                {
                    obj[ScrubString(key, secrets)] = Scrub(value, secrets);
                }

                return obj;
            case JsonArray a:
                return new JsonArray([.. a.Select(v => Scrub(v, secrets))]);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                return JsonValue.Create(ScrubString(v.GetValue<string>(), secrets));
            default:
                return node?.DeepClone();
        }
    }

    private static string ScrubString(string s, IReadOnlyList<string> secrets)
    {
        if (s == NoLogPlaceholder)
        {
            return s;
        }

        foreach (var secret in secrets)
        {
            if (s.Contains(secret, StringComparison.Ordinal))
            {
                s = s.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return s;
    }
}
