using System.Text.Json;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule;

/// <summary>
/// The <c>_ansible_*</c> keys Ansible adds to every module's arguments. Absent keys take
/// Ansible's defaults, so a module also runs by hand on a plain args file; unknown keys are ignored.
/// </summary>
public sealed record AnsibleContext
{
    public bool CheckMode { get; init; }
    public bool Diff { get; init; }
    public bool NoLog { get; init; }
    public int Verbosity { get; init; }
    public string? ModuleName { get; init; }

    public static AnsibleContext From(JsonObject raw) => new()
    {
        CheckMode = Flag(raw, "_ansible_check_mode"),
        Diff = Flag(raw, "_ansible_diff"),
        NoLog = Flag(raw, "_ansible_no_log"),
        Verbosity = raw["_ansible_verbosity"] is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue(out int n) ? n : 0,
        ModuleName = raw["_ansible_module_name"] is JsonValue m && m.GetValueKind() == JsonValueKind.String ? m.GetValue<string>() : null,
    };

    private static bool Flag(JsonObject raw, string key) =>
        raw[key] is JsonValue v && (v.GetValueKind() == JsonValueKind.True ||
                                    (v.GetValueKind() == JsonValueKind.String && v.GetValue<string>() is "True" or "true" or "yes"));
}
