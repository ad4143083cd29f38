using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace HpcWekaSlurm.ClusterHarness.Molecule;

/// <summary>
/// A Molecule scenario (molecule/NAME/molecule.yml, docker driver) read the way Molecule reads it:
/// ${VAR} interpolation, platforms with their groups, the provisioner's inventory links, ansible_args,
/// playbooks and test_sequence. The harness runs exactly this, so the files stay the single source.
/// </summary>
public sealed partial class MoleculeScenario
{
    private MoleculeScenario(string name, string directory)
    {
        Name = name;
        Directory = directory;
    }

    public string Name { get; }

    /// <summary>Absolute path of molecule/NAME.</summary>
    public string Directory { get; }

    /// <summary>
    /// Debian suite of the platforms' image (hpc-weka-slurm/node:SUITE), unless the load overrode it
    /// (the version matrix runs one scenario on bookworm/Slurm 22.05 and trixie/Slurm 24.11).
    /// </summary>
    public string Suite { get; private set; } = "bookworm";

    public IReadOnlyList<NodeSpec> Nodes { get; private set; } = [];

    public string? GroupVars { get; private set; }

    public IReadOnlyList<string> AnsibleArgs { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Playbooks { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<string> TestSequence { get; private set; } = [];

    /// <param name="suite">Node image suite to use instead of molecule.yml's; null takes HPC_TEST_SUITE, else the file's.</param>
    public static async Task<MoleculeScenario> LoadAsync(string name, string? suite = null)
    {
        var directory = Path.Combine(RepositoryPaths.Root, "molecule", name);
        var file = Path.Combine(directory, "molecule.yml");
        var scenario = new MoleculeScenario(name, directory);
        var config = await YamlAsync(scenario.Interpolate(await File.ReadAllTextAsync(file)), file);

        var platforms = config["platforms"]!.AsArray().Select(p => p!.AsObject()).ToList();
        scenario.Nodes = platforms
            .Select(p => new NodeSpec((string?)p["hostname"] ?? (string)p["name"]!, [.. p["groups"]?.AsArray().Select(g => (string)g!) ?? []]))
            .ToList();
        var images = platforms.Select(p => (string)p["image"]!).Distinct().ToList();
        var imageSuite = images.Count == 1 && ImagePattern().Match(images[0]) is { Success: true } m
            ? m.Groups["suite"].Value
            : throw new InvalidDataException($"{file}: every platform must use one image hpc-weka-slurm/node:SUITE, found {string.Join(", ", images)}");
        scenario.Suite = suite
            ?? (Environment.GetEnvironmentVariable("HPC_TEST_SUITE") is { Length: > 0 } fromEnvironment ? fromEnvironment : imageSuite);

        var provisioner = config["provisioner"]?.AsObject() ?? [];
        scenario.GroupVars = (string?)provisioner["inventory"]?["links"]?["group_vars"] is { } link ? Path.GetFullPath(link, directory) : null;
        scenario.AnsibleArgs = provisioner["ansible_args"]?.AsArray().Select(a => (string)a!).ToList() ?? [];
        scenario.Playbooks = (provisioner["playbooks"]?.AsObject() ?? [])
            .ToDictionary(kv => kv.Key, kv => Path.GetFullPath((string)kv.Value!, directory));
        scenario.TestSequence = config["scenario"]?["test_sequence"]?.AsArray().Select(s => (string)s!).ToList()
            ?? ["destroy", "create", "prepare", "converge", "idempotence", "verify", "destroy"];
        return scenario;
    }

    /// <summary>The playbook of a step: provisioner.playbooks, else Molecule's default file in the scenario.</summary>
    public string PlaybookFor(string step) =>
        Playbooks.TryGetValue(step, out var path) ? path : Path.Combine(Directory, $"{step}.yml");

    private string Interpolate(string text) => VariablePattern().Replace(text, m => m.Groups[1].Value switch
    {
        "MOLECULE_PROJECT_DIRECTORY" => RepositoryPaths.Root,
        "MOLECULE_SCENARIO_DIRECTORY" => Directory,
        "MOLECULE_SCENARIO_NAME" => Name,
        var other => Environment.GetEnvironmentVariable(other) ?? m.Value,
    });

    /// <summary>YAML to JSON with Debian's PyYAML (anchors and merge keys as Molecule sees them).</summary>
    private static async Task<JsonObject> YamlAsync(string yaml, string file)
    {
        var temp = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(temp, yaml);
            var output = await HostProcess.RunAsync(
                "/usr/bin/python3",
                ["-c", "import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), sys.stdout)", temp],
                TimeSpan.FromSeconds(30));
            return JsonNode.Parse(output.EnsureSuccess($"reading {file}").Stdout)!.AsObject();
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [GeneratedRegex(@"\$\{(\w+)\}")]
    private static partial Regex VariablePattern();

    [GeneratedRegex(@"^hpc-weka-slurm/node:(?<suite>[a-z]+)$")]
    private static partial Regex ImagePattern();
}
