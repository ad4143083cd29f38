using System.Text.Json.Nodes;
using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>Every compiled module is routed to the fast-path action plugin in meta/runtime.yml.</summary>
public sealed class RoutingTests
{
    private const string Plugin = "hpc.weka_slurm.compiled_module";

    public static TheoryData<string> Sources => new()
    {
        // The source tree: every module project under src/Modules, built or not.
        Path.Combine(Repo.Root, "collection"),
        // The collection as installed: every binary in plugins/modules.
        Repo.CollectionDir(Repo.Collections),
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void Every_module_is_routed_to_the_compiled_module_action_plugin(string collectionDir)
    {
        var modules = Path.Combine(collectionDir, "plugins", "modules");
        var names = collectionDir.StartsWith(Repo.Root + "/collection", StringComparison.Ordinal)
            ? Directory.GetDirectories(Path.Combine(Repo.Root, "src", "Modules")).Select(Path.GetFileName)
            : Directory.GetFiles(modules).Where(f => Path.GetExtension(f) == "").Select(Path.GetFileName);
        var routing = RuntimeYml(collectionDir)["plugin_routing"]!["modules"]!.AsObject();

        Assert.NotEmpty(names);
        Assert.All(names, name => Assert.Equal(Plugin, routing[name!]?["action_plugin"]?.GetValue<string>()));
        Assert.True(File.Exists(Path.Combine(collectionDir, "plugins", "action", "compiled_module.py")));
    }

    /// <summary>meta/runtime.yml as JSON, read by the YAML parser Ansible itself uses (PyYAML, anchors included).</summary>
    private static JsonObject RuntimeYml(string collectionDir)
    {
        var json = Proc.Run("/usr/bin/python3", ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
            Path.Combine(collectionDir, "meta", "runtime.yml")]).EnsureSuccess("read runtime.yml").Stdout;
        return JsonNode.Parse(json)!.AsObject();
    }
}
