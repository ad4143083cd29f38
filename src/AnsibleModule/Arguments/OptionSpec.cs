using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule.Arguments;

/// <summary>One option of a module: its type and the rules its value must follow.</summary>
public sealed record OptionSpec(string Name, ArgType Type)
{
    public bool Required { get; init; }

    /// <summary>Default value, as the JSON Ansible would pass (null: no default).</summary>
    public JsonNode? Default { get; init; }

    public IReadOnlyList<string>? Choices { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Element type for lists.</summary>
    public ArgType Elements { get; init; } = ArgType.Raw;

    /// <summary>The value is a secret: masked in invocation and scrubbed from all output.</summary>
    public bool NoLog { get; init; }
}
