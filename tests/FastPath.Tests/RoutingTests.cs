using System.Text.Json.Nodes;
using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>Every compiled module is routed to the fast-path action plugin in meta/runtime.yml.</summary>
public sealed class RoutingTests
{
    private const string Plugin = "hpc.weka_slurm.compiled_module";

    [Fact]
    public void Every_module_project_has_its_route_in_the_source_runtime_yml()
    {
        var projects = Directory.GetDirectories(Path.Combine(Repo.Root, "src", "Modules")).Select(Path.GetFileName).ToList();

        AssertRouted(Path.Combine(Repo.Root, "collection"), projects!);
    }

    [Fact]
    public void Every_module_binary_of_the_installed_collection_has_its_route()
    {
        var installed = Repo.CollectionDir(Repo.Collections);
        var binaries = Directory.GetFiles(Path.Combine(installed, "plugins", "modules"))
            .Where(f => Path.GetExtension(f).Length == 0).Select(Path.GetFileName).ToList();

        AssertRouted(installed, binaries!);
        Assert.True(File.Exists(Path.Combine(installed, "plugins", "action", "compiled_module.py")));
    }

    private static void AssertRouted(string collectionDir, IReadOnlyList<string> modules)
    {
        var routes = RuntimeYml(collectionDir)["plugin_routing"]!["modules"]!.AsObject();
        Assert.NotEmpty(modules);
        Assert.All(modules, name => Assert.Equal(Plugin, routes[name]?["action_plugin"]?.GetValue<string>()));
    }

    /// <summary>meta/runtime.yml as JSON, read by the YAML parser Ansible itself uses (PyYAML, anchors included).</summary>
    private static JsonObject RuntimeYml(string collectionDir)
    {
        var json = Proc.Run("/usr/bin/python3", ["-c", "import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1]))))",
            Path.Combine(collectionDir, "meta", "runtime.yml")]).EnsureSuccess("read runtime.yml").Stdout;
        return JsonNode.Parse(json)!.AsObject();
    }
}
