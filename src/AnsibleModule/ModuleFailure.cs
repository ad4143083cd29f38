using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule;

/// <summary>
/// A clean, expected failure: the module reports <c>failed: true</c> with this message
/// (and any extra result keys), never a stack trace.
/// </summary>
public sealed class ModuleFailure : Exception
{
    public ModuleFailure(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Extra keys for the failed result (rc, stderr, the option at fault...).</summary>
    public JsonObject Extra { get; init; } = [];

    /// <summary>Secret values known when the failure happened, scrubbed from the output.</summary>
    public IReadOnlyList<string> Secrets { get; init; } = [];
}
