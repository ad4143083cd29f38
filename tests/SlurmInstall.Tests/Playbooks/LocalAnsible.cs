using System.Text;
using System.Text.Json.Nodes;
using CliWrap;

namespace HpcWekaSlurm.SlurmInstall.Tests.Playbooks;

/// <summary>What ansible-playbook printed (stdout and stderr together, in order of arrival) and its exit code.</summary>
public sealed record PlaybookRun(int ExitCode, string Output, JsonObject Results)
{
    /// <summary>A variable saved with <see cref="LocalAnsible.SaveResults"/>, by name.</summary>
    public JsonNode Saved(string name) =>
        Results[name] ?? throw new KeyNotFoundException($"no saved variable '{name}'; output:\n{Output}");

    /// <summary>A registered task result saved with <see cref="LocalAnsible.SaveResults"/>.</summary>
    public JsonObject Result(string name) => Saved(name).AsObject();
}

/// <summary>
/// Runs the real ansible-playbook against this machine (connection local) in a fresh directory:
/// empty ansible.cfg, the module binaries given with -M, always at -vvvv so tests can prove that no
/// secret reaches Ansible's output. Results to inspect are saved with <see cref="SaveResults"/>.
/// </summary>
public sealed class LocalAnsible : IDisposable
{
    private readonly DirectoryInfo _work = System.IO.Directory.CreateTempSubdirectory("hws-slurminstall-");

    public LocalAnsible(params string[] modules)
    {
        var library = System.IO.Directory.CreateDirectory(System.IO.Path.Combine(_work.FullName, "library"));
        foreach (var module in modules)
        {
            File.Copy(ModuleBinaries.Of(module), System.IO.Path.Combine(library.FullName, module));
            File.SetUnixFileMode(System.IO.Path.Combine(library.FullName, module), (UnixFileMode)Convert.ToInt32("755", 8));
        }

        // Kept apart from the playbook's directory: a playbook-adjacent library/ would be picked up on its own.
        System.IO.Directory.CreateDirectory(Scratch);
    }

    /// <summary>A directory private to this run for the files the playbook manages.</summary>
    public string Scratch => System.IO.Path.Combine(_work.FullName, "scratch");

    private string ResultsDir => System.IO.Path.Combine(_work.FullName, "results");

    /// <summary>
    /// Tasks that save registered results as JSON files for the test (only results that hold no
    /// secret: a return_content result stays in Ansible's memory).
    /// </summary>
    public static string SaveResults(params string[] names) => string.Concat(names.Select(n => $$$"""

        - name: save {{{n}}}
          ansible.builtin.copy:
            content: "{{ {{{n}}} | to_json }}"
            dest: "{{ results_dir }}/{{{n}}}.json"
          check_mode: false
        """));

    public async Task<PlaybookRun> RunAsync(string tasks, bool check = false, bool diff = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        System.IO.Directory.CreateDirectory(ResultsDir);
        foreach (var old in System.IO.Directory.GetFiles(ResultsDir))
        {
            File.Delete(old);
        }

        var play = System.IO.Path.Combine(_work.FullName, "play");
        System.IO.Directory.CreateDirectory(play);
        File.WriteAllText(System.IO.Path.Combine(play, "ansible.cfg"), "# Ansible's defaults only\n");
        File.WriteAllText(System.IO.Path.Combine(play, "site.yml"), $"""
            - hosts: localhost
              connection: local
              gather_facts: false
              vars:
                ansible_python_interpreter: /usr/bin/python3
                scratch: {Scratch}
                results_dir: {ResultsDir}
              tasks:
            {Indent(tasks)}
            """);

        List<string> args = ["-i", "localhost,", "-M", System.IO.Path.Combine(_work.FullName, "library"), "-vvvv", "site.yml"];
        if (check)
        {
            args.Add("--check");
        }

        if (diff)
        {
            args.Add("--diff");
        }

        var output = new StringBuilder();
        var env = new Dictionary<string, string?>
        {
            ["ANSIBLE_CONFIG"] = System.IO.Path.Combine(play, "ansible.cfg"),
            ["ANSIBLE_NOCOLOR"] = "1",
            ["ANSIBLE_LOCAL_TEMP"] = System.IO.Path.Combine(_work.FullName, "tmp"),
            ["ANSIBLE_REMOTE_TEMP"] = System.IO.Path.Combine(_work.FullName, "tmp"),
            ["ANSIBLE_LIBRARY"] = null,
        };
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            env[key] = value;
        }

        var result = await Cli.Wrap("ansible-playbook")
            .WithArguments(args)
            .WithWorkingDirectory(play)
            .WithEnvironmentVariables(env)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(l => { lock (output) { output.AppendLine(l); } }))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(l => { lock (output) { output.AppendLine(l); } }))
            .ExecuteAsync(new CancellationTokenSource(TimeSpan.FromMinutes(5)).Token);

        var results = new JsonObject();
        foreach (var file in System.IO.Directory.GetFiles(ResultsDir, "*.json"))
        {
            results[System.IO.Path.GetFileNameWithoutExtension(file)] = JsonNode.Parse(File.ReadAllText(file));
        }

        return new PlaybookRun(result.ExitCode, output.ToString(), results);
    }

    public void Dispose() => _work.Delete(recursive: true);

    private static string Indent(string tasks) =>
        string.Join('\n', tasks.Trim('\n').Split('\n').Select(l => l.Length == 0 ? l : "    " + l));
}
