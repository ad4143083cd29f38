using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule.Arguments;

/// <summary>
/// A module's options and the rules between them, declared once per module
/// (the counterpart of AnsibleModule's argument_spec and its keyword arguments).
/// </summary>
public sealed class ArgumentSpec
{
    private readonly List<OptionSpec> _options = [];
    private readonly List<string[]> _mutuallyExclusive = [];
    private readonly List<string[]> _requiredTogether = [];
    private readonly List<string[]> _requiredOneOf = [];
    private readonly List<RequiredIf> _requiredIf = [];

    public IReadOnlyList<OptionSpec> Options => _options;
    public IReadOnlyList<string[]> MutuallyExclusive => _mutuallyExclusive;
    public IReadOnlyList<string[]> RequiredTogether => _requiredTogether;
    public IReadOnlyList<string[]> RequiredOneOf => _requiredOneOf;
    public IReadOnlyList<RequiredIf> RequiredIfRules => _requiredIf;

    public ArgumentSpec Add(
        string name,
        ArgType type,
        JsonNode? @default = null,
        bool required = false,
        string[]? choices = null,
        string[]? aliases = null,
        ArgType elements = ArgType.Raw,
        bool noLog = false)
    {
        if (_options.Any(o => o.Name == name))
        {
            throw new ArgumentException($"option '{name}' is declared twice");
        }

        _options.Add(new OptionSpec(name, type)
        {
            // Round-tripped through JSON so a default behaves exactly like the same value given by Ansible
            // (a C# int literal would otherwise be a JsonValue<int> that reads back only as int).
            Default = @default is null ? null : JsonNode.Parse(@default.ToJsonString()),
            Required = required,
            Choices = choices,
            Aliases = aliases ?? [],
            Elements = elements,
            NoLog = noLog,
        });
        return this;
    }

    public ArgumentSpec Exclusive(params string[] names)
    {
        _mutuallyExclusive.Add(names);
        return this;
    }

    public ArgumentSpec Together(params string[] names)
    {
        _requiredTogether.Add(names);
        return this;
    }

    public ArgumentSpec OneOf(params string[] names)
    {
        _requiredOneOf.Add(names);
        return this;
    }

    /// <summary>When <paramref name="name"/> equals <paramref name="value"/>, the listed options are required.</summary>
    public ArgumentSpec RequiredWhen(string name, string value, params string[] requirements)
    {
        _requiredIf.Add(new RequiredIf(name, value, requirements));
        return this;
    }

    public OptionSpec? Find(string name) => _options.FirstOrDefault(o => o.Name == name);
}

public sealed record RequiredIf(string Name, string Value, IReadOnlyList<string> Requirements);
