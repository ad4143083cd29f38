using System.Reflection;
using HpcWekaSlurm.ModuleHost;

namespace ModuleHost.Tests;

public class ModuleTableTests
{
    private static readonly string Root = typeof(ModuleTableTests).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    [Fact]
    public void The_multi_call_binary_serves_every_module_under_src_Modules_and_nothing_else()
    {
        var projects = Directory.GetDirectories(Path.Combine(Root, "src", "Modules")).Select(Path.GetFileName).Order();
        Assert.Equal(projects, ModuleTable.Entries.Keys.Order());
    }

    [Fact]
    public void Every_module_has_its_sidecar_documentation()
    {
        foreach (var module in ModuleTable.Entries.Keys)
        {
            Assert.True(File.Exists(Path.Combine(Root, "collection", "plugins", "modules", module + ".yml")), $"{module}.yml is missing");
        }
    }

    [Fact]
    public void Every_project_of_the_checkout_is_in_Modules_sln()
    {
        var solution = File.ReadAllText(Path.Combine(Root, "Modules.sln"));
        var projects = new[] { "src", "tests", "tools", "bench" }
            .Where(d => Directory.Exists(Path.Combine(Root, d)))
            .SelectMany(d => Directory.GetFiles(Path.Combine(Root, d), "*.csproj", SearchOption.AllDirectories))
            .Where(p => !p.Contains("/bin/") && !p.Contains("/obj/"))
            .Select(p => Path.GetRelativePath(Root, p).Replace('/', '\\'));
        Assert.All(projects, p => Assert.Contains(p, solution));
    }
}
