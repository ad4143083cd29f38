using System.Diagnostics;
using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Modules;

/// <summary>The table keeps up with the modules: every module is covered, and its options match the module's documentation.</summary>
public class ModuleTableTests
{
    [Fact]
    public void Every_module_directory_has_a_descriptor()
    {
        var modules = Directory.EnumerateDirectories(Path.Combine(RepoPaths.Root, "src", "Modules"))
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        var covered = ModuleTable.All.Select(m => m.Name).Concat(ModuleTable.Pending.Keys).Order(StringComparer.Ordinal);

        Assert.True(modules.SequenceEqual(covered),
            $"modules: [{string.Join(", ", modules)}]; described or pending: [{string.Join(", ", covered)}]. " +
            "Add one ModuleDescriptor per new module to tests/Reliability.Tests/Modules/ModuleTable.cs");
    }

    /// <summary>The sidecar's documented options (read with Debian's python3-yaml) against the table's: a new option gets generated input too.</summary>
    [Theory]
    [MemberData(nameof(ModuleTable.Names), MemberType = typeof(ModuleTable))]
    public void Descriptor_options_match_the_documented_options(string name)
    {
        var sidecar = RepoPaths.Sidecar(name);
        if (!File.Exists(sidecar))
        {
            return; // Not documented yet: the docs tests of that module report it.
        }

        var documented = DocumentedOptions(sidecar);
        var module = ModuleTable.Get(name);
        var described = module.Options.ToDictionary(o => o.Name);

        Assert.True(documented.Keys.Order(StringComparer.Ordinal).SequenceEqual(described.Keys.Order(StringComparer.Ordinal)),
            $"{name}: documented [{string.Join(", ", documented.Keys.Order(StringComparer.Ordinal))}], described [{string.Join(", ", described.Keys.Order(StringComparer.Ordinal))}]");
        foreach (var (option, doc) in documented)
        {
            var type = doc["type"]?.GetValue<string>() ?? "str";
            Assert.True(Matches(described[option].Type, type), $"{name}: option '{option}' is documented as {type}, described as {described[option].Type}");
        }
    }

    private static bool Matches(ArgType type, string documented) => (type, documented) switch
    {
        (ArgType.Str, "str") or (ArgType.Path, "path") or (ArgType.Bool, "bool") or (ArgType.Int, "int") or
        (ArgType.Float, "float") or (ArgType.List, "list") or (ArgType.Dict, "dict") or (ArgType.Raw, "raw") => true,
        _ => false,
    };

    private static Dictionary<string, JsonObject> DocumentedOptions(string sidecar)
    {
        var info = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add("import json, sys, yaml; d = yaml.safe_load(open(sys.argv[1]))['DOCUMENTATION']; " +
                              "d = yaml.safe_load(d) if isinstance(d, str) else d; print(json.dumps(d.get('options') or {}))");
        info.ArgumentList.Add(sidecar);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEnd();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"cannot read the options of {sidecar}: {error}");
        return JsonNode.Parse(output)!.AsObject().ToDictionary(kv => kv.Key, kv => kv.Value!.AsObject());
    }
}
