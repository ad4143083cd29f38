using System.Text.Json;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;

namespace HpcWekaSlurm.Modules.WekaServiceConf;

/// <summary>Turns the <c>settings</c> dict into service.conf text values (booleans as true/false, null removes).</summary>
public static class SettingValues
{
    public static IReadOnlyList<KeyValuePair<string, string?>> From(JsonObject settings)
    {
        if (settings.Count == 0)
        {
            throw new ModuleFailure("option 'settings': give at least one key, e.g. {isolate_cpusets: false}");
        }

        return settings.Select(kv => new KeyValuePair<string, string?>(kv.Key, Format(kv.Key, kv.Value))).ToList();
    }

    private static string? Format(string key, JsonNode? value) => value switch
    {
        null => null,
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.String => v.GetValue<string>(),
            _ => v.ToJsonString(),
        },
        _ => throw new ModuleFailure($"option 'settings': the value of '{key}' must be a string, number or bool, not {(value is JsonArray ? "a list" : "a dict")}"),
    };
}
