using System.Text.Json;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.AnsibleModule.Arguments;

/// <summary>
/// Checks raw task arguments against an <see cref="ArgumentSpec"/>: unknown options, aliases,
/// types, choices, required options and the rules between options. Every problem is reported,
/// each naming the option, in the wording Ansible users know.
/// </summary>
public static class ArgumentValidator
{
    public static ModuleParams Validate(ArgumentSpec spec, JsonObject raw, string moduleName)
    {
        var errors = new List<string>();
        var values = new Dictionary<string, JsonNode?>();
        var given = new HashSet<string>();
        var byName = new Dictionary<string, OptionSpec>();
        foreach (var option in spec.Options)
        {
            byName[option.Name] = option;
            foreach (var alias in option.Aliases)
            {
                byName[alias] = option;
            }
        }

        var unknown = new List<string>();
        foreach (var (key, value) in raw)
        {
            if (key.StartsWith("_ansible_", StringComparison.Ordinal))
            {
                continue;
            }

            if (!byName.TryGetValue(key, out var option))
            {
                unknown.Add(key);
                continue;
            }

            if (given.Contains(option.Name))
            {
                errors.Add($"option '{option.Name}' is given more than once (as '{key}' and an alias)");
                continue;
            }

            // An explicit null means "not given", as in Ansible.
            if (value is null)
            {
                continue;
            }

            given.Add(option.Name);
            values[option.Name] = value;
        }

        if (unknown.Count > 0)
        {
            var supported = spec.Options.SelectMany(o => o.Aliases.Prepend(o.Name)).Order(StringComparer.Ordinal);
            errors.Add($"Unsupported parameters for ({moduleName}) module: {string.Join(", ", unknown.Order(StringComparer.Ordinal))}. " +
                       $"Supported parameters include: {string.Join(", ", supported)}");
        }

        foreach (var group in spec.MutuallyExclusive)
        {
            var present = group.Where(given.Contains).ToList();
            if (present.Count > 1)
            {
                errors.Add($"parameters are mutually exclusive: {string.Join("|", group)}");
            }
        }

        var missing = spec.Options.Where(o => o.Required && !given.Contains(o.Name)).Select(o => o.Name).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"missing required arguments: {string.Join(", ", missing)}");
        }

        var secrets = new List<string>();
        foreach (var option in spec.Options)
        {
            if (!values.TryGetValue(option.Name, out var value))
            {
                value = option.Default?.DeepClone();
            }

            if (option.NoLog)
            {
                CollectSecrets(value, secrets);
            }

            try
            {
                value = TypeConverter.Convert(value, option.Type, option.Elements);
            }
            catch (FormatException e)
            {
                errors.Add($"option '{option.Name}': {e.Message}");
                value = null;
            }

            if (value is not null && option.Choices is { } choices)
            {
                var invalid = (value is JsonArray a ? a : (IEnumerable<JsonNode?>)[value])
                    .Select(Scalar)
                    .Where(s => !choices.Contains(s))
                    .ToList();
                if (invalid.Count > 0)
                {
                    errors.Add($"value of {option.Name} must be one of: {string.Join(", ", choices)}, got: {TypeConverter.Clip(string.Join(", ", invalid))}");
                }
            }

            values[option.Name] = value;
        }

        foreach (var group in spec.RequiredTogether)
        {
            var present = group.Where(given.Contains).ToList();
            if (present.Count > 0 && present.Count < group.Length)
            {
                errors.Add($"parameters are required together: {string.Join(", ", group)}");
            }
        }

        foreach (var group in spec.RequiredOneOf)
        {
            if (!group.Any(n => values.GetValueOrDefault(n) is not null))
            {
                errors.Add($"one of the following is required: {string.Join(", ", group)}");
            }
        }

        foreach (var rule in spec.RequiredIfRules)
        {
            if (values.GetValueOrDefault(rule.Name) is { } v && Scalar(v) == rule.Value)
            {
                var absent = rule.Requirements.Where(n => values.GetValueOrDefault(n) is null).ToList();
                if (absent.Count > 0)
                {
                    errors.Add($"{rule.Name} is {rule.Value} but all of the following are missing: {string.Join(", ", absent)}");
                }
            }
        }

        foreach (var option in spec.Options.Where(o => o.NoLog))
        {
            CollectSecrets(values.GetValueOrDefault(option.Name), secrets);
        }

        if (errors.Count > 0)
        {
            throw new ModuleFailure(string.Join("; ", errors)) { Secrets = secrets };
        }

        return new ModuleParams(values, given, secrets.Distinct().ToList());
    }

    private static string Scalar(JsonNode? node) => node switch
    {
        null => "None",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
        JsonValue v when v.GetValueKind() == JsonValueKind.True => "True",
        JsonValue v when v.GetValueKind() == JsonValueKind.False => "False",
        _ => node.ToJsonString(),
    };

    private static void CollectSecrets(JsonNode? node, List<string> secrets)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject o:
                foreach (var (_, v) in o)
                {
                    CollectSecrets(v, secrets);
                }

                return;
            case JsonArray a:
                foreach (var v in a)
                {
                    CollectSecrets(v, secrets);
                }

                return;
            default:
                var s = Scalar(node);
                // Like Ansible, very short values are not scrubbed: masking "1" everywhere would garble output.
                if (s.Length >= 3)
                {
                    secrets.Add(s);
                }

                return;
        }
    }
}
