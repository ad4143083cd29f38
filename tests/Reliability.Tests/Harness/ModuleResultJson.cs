using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Reliability.Tests.Harness;

/// <summary>Reads a module's stdout the way Ansible must be able to: exactly one JSON object, nothing else.</summary>
public static class ModuleResultJson
{
    /// <summary>The object, or null with the reason when stdout is not exactly one JSON object.</summary>
    public static (JsonObject? Json, string? Problem) Parse(byte[] stdout)
    {
        try
        {
            var reader = new Utf8JsonReader(stdout, new JsonReaderOptions { AllowMultipleValues = true });
            var node = JsonNode.Parse(ref reader);
            var rest = stdout.AsSpan((int)reader.BytesConsumed);
            if (rest.IndexOfAnyExcept(" \t\r\n"u8) >= 0)
            {
                return (null, $"bytes after the JSON object: {Clip(Encoding.UTF8.GetString(rest))}");
            }

            return node is JsonObject o ? (o, null) : (null, $"not a JSON object: {Clip(Encoding.UTF8.GetString(stdout))}");
        }
        catch (JsonException e)
        {
            return (null, $"not JSON ({e.Message}): {Clip(Encoding.UTF8.GetString(stdout))}");
        }
    }

    public static bool Failed(this JsonObject json) => json["failed"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static bool Changed(this JsonObject json) => json["changed"] is JsonValue v && v.GetValueKind() == JsonValueKind.True;

    public static string Msg(this JsonObject json) => json["msg"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : string.Empty;

    public static IReadOnlyList<string> Warnings(this JsonObject json) =>
        json["warnings"] is JsonArray a ? [.. a.Select(w => w?.GetValue<string>() ?? string.Empty)] : [];

    public static string Clip(string s) => s.Length <= 400 ? s : s[..400] + "...";
}
