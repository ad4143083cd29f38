using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.Integration.Tests.Lint;

/// <summary>The files users read and run pass the linters they use, and Molecule would accept the scenarios.</summary>
public class ShippedFilesLintTests
{
    private static readonly string Root = RepositoryPaths.Root;

    private static async Task<CommandOutput> RunAsync(string program, IEnumerable<string> args, string? workDir = null, Dictionary<string, string?>? env = null) =>
        await HostProcess.RunAsync(program, args, TimeSpan.FromMinutes(10), workDir ?? Root, env);

    [Fact]
    public async Task Yaml_files_pass_yamllint_strict()
    {
        var result = await RunAsync("yamllint", ["-s", "playbooks", "molecule", "collection", "galaxy.yml", ".ansible-lint"]);
        Assert.True(result.Succeeded, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Playbooks_and_scenarios_pass_ansible_lint_production_profile_against_the_installed_collection()
    {
        // ansible-lint takes a checkout with galaxy.yml for the collection itself and shadows the
        // installed one (whose binaries the checkout lacks): lint a copy of what users run instead.
        var copy = Directory.CreateTempSubdirectory("hws-lint-");
        try
        {
            foreach (var dir in new[] { "playbooks", "molecule" })
            {
                (await RunAsync("cp", ["-r", Path.Combine(Root, dir), copy.FullName])).EnsureSuccess($"copy {dir}");
            }

            File.Copy(Path.Combine(Root, ".ansible-lint"), Path.Combine(copy.FullName, ".ansible-lint"));
            File.Copy(Path.Combine(Root, ".yamllint"), Path.Combine(copy.FullName, ".yamllint"));
            var result = await RunAsync("ansible-lint", ["--nocolor", "playbooks", "molecule"], copy.FullName,
                new() { ["ANSIBLE_COLLECTIONS_PATH"] = RepositoryPaths.Collections, ["HOME"] = copy.FullName });
            Assert.True(result.Succeeded, result.Stdout + result.Stderr);
            Assert.Contains("Passed with production profile", result.Stdout + result.Stderr);
        }
        finally
        {
            copy.Delete(recursive: true);
        }
    }

    [SkippableFact]
    public async Task Molecule_scenarios_are_valid_for_molecule_and_its_docker_driver()
    {
        var schemas = Path.GetFullPath(Path.Combine(Root, "..", "shared", "reference", "molecule-schema"));
        Skip.If(!Directory.Exists(schemas), $"Molecule's schemas are not at {schemas}: cannot validate the scenario files");
        var scenarios = Directory.GetFiles(Path.Combine(Root, "molecule"), "molecule.yml", SearchOption.AllDirectories);
        Assert.NotEmpty(scenarios);
        var result = await RunAsync(Path.Combine(Root, "tools", "lint", "molecule_schema.py"), [schemas, .. scenarios]);
        Assert.True(result.Succeeded, result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task Every_module_documentation_renders_with_ansible_doc_from_the_installed_collection()
    {
        var modules = Directory.GetFiles(Path.Combine(Root, "collection", "plugins", "modules"), "*.yml").Select(Path.GetFileNameWithoutExtension).ToList();
        Assert.NotEmpty(modules);
        var env = new Dictionary<string, string?> { ["ANSIBLE_COLLECTIONS_PATH"] = RepositoryPaths.Collections };
        foreach (var module in modules)
        {
            var result = await RunAsync("ansible-doc", [$"hpc.weka_slurm.{module}"], env: env);
            Assert.True(result.Succeeded, $"{module}: {result.Stderr}");
            Assert.Contains("OPTIONS", result.Stdout);
            Assert.Contains("EXAMPLES", result.Stdout);
            Assert.Contains("RETURN VALUES", result.Stdout);
            // O() and RV() are 2.15+ markup: ansible-core 2.14 prints them verbatim.
            Assert.DoesNotMatch(@"(?<![A-Za-z])(O|RV)\([a-z_]", result.Stdout);
        }
    }
}
