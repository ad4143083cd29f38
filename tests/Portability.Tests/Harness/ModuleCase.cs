using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Portability.Tests.Harness;

/// <summary>What a run left behind: exit code, stdout with the run's directory written as {dir}, and the files.</summary>
public sealed record RunOutcome(int ExitCode, string Stdout, string Stderr, IReadOnlyList<string> Files)
{
    public JsonObject? Result => Try(() => JsonNode.Parse(Stdout) as JsonObject);

    private static JsonObject? Try(Func<JsonObject?> parse)
    {
        try
        {
            return parse();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>
/// One args file a module binary runs on: Cases/any/*.json apply to every module, Cases/MODULE/*.json to one.
///   files:     { "relative/path": "content" } created before the run
///   args:      the task args (with the _ansible_* keys); "{dir}" stands for the run's directory
///   args_text: instead of args, the raw args file (for malformed input)
///   expect:    top-level result keys the host's result must have (so a case cannot silently test nothing)
/// </summary>
public sealed class ModuleCase
{
    private static readonly string CasesDir = Path.Combine(Repo.Root, "tests", "Portability.Tests", "Cases");

    private readonly JsonObject spec;

    private ModuleCase(string name, JsonObject spec)
    {
        Name = name;
        this.spec = spec;
    }

    public string Name { get; }

    public JsonObject Expect => spec["expect"]?.AsObject() ?? [];

    /// <summary>Case names for a module: "any/NAME" and "MODULE/NAME".</summary>
    public static IEnumerable<string> NamesFor(string module) =>
        new[] { "any", module }
            .Where(group => Directory.Exists(Path.Combine(CasesDir, group)))
            .SelectMany(group => Directory.EnumerateFiles(Path.Combine(CasesDir, group), "*.json")
                .Select(f => $"{group}/{Path.GetFileNameWithoutExtension(f)}"))
            .Order(StringComparer.Ordinal);

    public static ModuleCase Load(string name) =>
        new(name, JsonNode.Parse(File.ReadAllText(Path.Combine(CasesDir, name + ".json")))!.AsObject());

    /// <summary>
    /// Prepares <paramref name="hostDirectory"/> (seen by the module as <paramref name="seenAs"/>), runs the
    /// module through <paramref name="execute"/> (given the args file path as the module sees it).
    /// </summary>
    public RunOutcome Run(string hostDirectory, string seenAs, Func<string, ProcResult> execute)
    {
        var files = Path.Combine(hostDirectory, "files");
        var dir = seenAs + "/files";
        Directory.CreateDirectory(files);
        foreach (var (path, content) in spec["files"]?.AsObject() ?? [])
        {
            var target = Path.Combine(files, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllText(target, content!.GetValue<string>());
        }

        var args = spec["args_text"]?.GetValue<string>() ?? spec["args"]!.ToJsonString();
        File.WriteAllText(Path.Combine(hostDirectory, "args.json"), args.Replace("{dir}", dir, StringComparison.Ordinal));

        var run = execute(seenAs + "/args.json");
        return new RunOutcome(run.ExitCode, run.Stdout.Replace(dir, "{dir}", StringComparison.Ordinal), run.Stderr, State(files));
    }

    /// <summary>The run's directory and everything below it: type, mode, owner and content.</summary>
    private static List<string> State(string root)
    {
        var entries = Proc.Run("find", [root, "-printf", "%y %m %U:%G ./%P\\n"]).EnsureSuccess("find").Stdout;
        return [.. entries.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(entry => entry.Split(' ', 4))
            .OrderBy(fields => fields[3], StringComparer.Ordinal)
            .Select(fields => $"{fields[3]} {fields[0]} {fields[1]} {fields[2]}" + (fields[0] == "f" ? $": {Content(Path.Combine(root, fields[3]))}" : ""))];
    }

    /// <summary>Text as it is; anything else (a munge key) as base64, so no byte difference can hide.</summary>
    private static string Content(string path)
    {
        var bytes = File.ReadAllBytes(path);
        return System.Text.Unicode.Utf8.IsValid(bytes) ? System.Text.Encoding.UTF8.GetString(bytes) : "base64:" + Convert.ToBase64String(bytes);
    }
}
