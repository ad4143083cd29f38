using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.Reliability.Tests.Harness;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.BadInput;

/// <summary>What a generated input must produce.</summary>
public enum Verdict
{
    /// <summary>A failed result whose msg names <see cref="BadInputCase.MustName"/>, nothing written.</summary>
    Fails,

    /// <summary>Well-typed but odd: a clean failure (not a crash) or a success; never a corrupted or half-written file.</summary>
    FailsOrSucceeds,
}

/// <summary>
/// One generated input: the module's valid task with one thing broken (<see cref="Kind"/>), or raw
/// bytes instead of JSON, delivered as an args file or on stdin. Plain data, so FsCheck prints it.
/// </summary>
public sealed record BadInputCase(string Kind, Verdict Verdict)
{
    /// <summary>Option (or unknown key) the case is about; the failure message must name it.</summary>
    public string? Option { get; init; }

    /// <summary>The value put in place of the option's ("$SANDBOX/" prefixed values are paths inside the sandbox).</summary>
    public JsonNode? Value { get; init; }

    /// <summary>Remove the option instead of setting it.</summary>
    public bool Remove { get; init; }

    /// <summary>Raw args bytes instead of the task (malformed JSON and friends).</summary>
    public byte[]? Raw { get; init; }

    /// <summary>Replaces the module's argv (wrong argument counts, a missing args file).</summary>
    public IReadOnlyList<string>? Argv { get; init; }

    /// <summary>What the message must contain (when <see cref="Verdict"/> is Fails); defaults to <see cref="Option"/>.</summary>
    public string? MustName { get; init; }

    public bool ViaStdin { get; init; }

    public bool CheckMode { get; init; }

    public const string SandboxMarker = "$SANDBOX/";

    /// <summary>The args bytes for this case in <paramref name="sandbox"/>.</summary>
    public byte[] ArgsBytes(ModuleDescriptor module, Sandbox sandbox)
    {
        if (Raw is not null)
        {
            return Raw;
        }

        var args = module.Args(sandbox);
        if (Option is not null)
        {
            if (Remove)
            {
                args.Remove(Option);
            }
            else
            {
                args[Option] = Resolve(Value?.DeepClone(), sandbox);
            }
        }

        if (CheckMode)
        {
            args["_ansible_check_mode"] = true;
        }

        return Encoding.UTF8.GetBytes(args.ToJsonString());
    }

    public string Describe()
    {
        var text = this with { Raw = null, Argv = null } + (Argv is null ? string.Empty : $" argv=[{string.Join(", ", Argv)}]") +
                   (Raw is null ? string.Empty : $" raw={Convert.ToHexString(Raw.AsSpan(0, Math.Min(Raw.Length, 64)))}");
        return text.Length > 600 ? text[..600] + "..." : text;
    }

    private static JsonNode? Resolve(JsonNode? value, Sandbox sandbox) =>
        value is JsonValue v && v.TryGetValue(out string? s) && s.StartsWith(SandboxMarker, StringComparison.Ordinal)
            ? JsonValue.Create(System.IO.Path.Combine(sandbox.Root, s[SandboxMarker.Length..]))
            : value;
}
