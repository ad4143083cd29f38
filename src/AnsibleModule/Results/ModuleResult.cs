using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule.Results;

/// <summary>What a module reports: the keys builtin modules use, plus module-specific ones in <see cref="Extra"/>.</summary>
public sealed class ModuleResult
{
    public bool Changed { get; set; }
    public bool Failed { get; set; }
    public string? Msg { get; set; }
    public List<DiffEntry> Diff { get; } = [];
    public List<string> Warnings { get; } = [];

    /// <summary>Module-specific keys (restart_required, fingerprint, ansible_facts...).</summary>
    public JsonObject Extra { get; } = [];

    /// <summary>Secrets the module learned while running (e.g. a key read from disk), scrubbed from output.</summary>
    public List<string> Secrets { get; } = [];

    /// <summary>
    /// Keys whose value is a secret the user asked to get back (e.g. a key with return_content).
    /// They are added after scrubbing, so this is the one place the secret appears, and only in a
    /// successful result: msg, diff, warnings and invocation are still scrubbed.
    /// </summary>
    public JsonObject Disclosed { get; } = [];

    public ModuleResult Set(string key, JsonNode? value)
    {
        Extra[key] = value;
        return this;
    }
}
