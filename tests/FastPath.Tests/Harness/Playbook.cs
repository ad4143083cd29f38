using System.Text;
using System.Text.RegularExpressions;

namespace FastPath.Tests.Harness;

/// <summary>Writes a one-play playbook for host <c>target</c> and runs it with ansible-playbook -vvv.</summary>
public static class Playbook
{
    /// <param name="tasks">The play's tasks, as YAML list items starting at column 0.</param>
    /// <param name="vars">Extra inventory variables of the host.</param>
    /// <param name="collections">Collections path; default the one `make collection` installed.</param>
    /// <param name="files">Extra files next to the playbook (relative path to content).</param>
    public static PlaybookRun Run(Target target, string tasks, string vars = "", string? collections = null,
        IReadOnlyDictionary<string, string>? files = null, string hosts = "target", string extraHosts = "")
    {
        var dir = Path.Combine(Path.GetTempPath(), "hpc-fastpath-play-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "inventory"),
                $"target {target.InventoryVars} scratch={target.Scratch} {vars}\n{extraHosts}\n");
            var indented = string.Join('\n', tasks.Split('\n').Select(l => "    " + l));
            File.WriteAllText(Path.Combine(dir, "play.yml"), $"- hosts: {hosts}\n  gather_facts: false\n  tasks:\n{indented}\n");
            foreach (var (name, content) in files ?? new Dictionary<string, string>())
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, name))!);
                File.WriteAllText(Path.Combine(dir, name), content);
            }

            var env = new Dictionary<string, string>(target.ControllerEnv)
            {
                ["ANSIBLE_COLLECTIONS_PATH"] = collections ?? Repo.Collections,
                ["ANSIBLE_NOCOLOR"] = "1",
                ["ANSIBLE_RETRY_FILES_ENABLED"] = "0",
                ["ANSIBLE_STDOUT_CALLBACK"] = "default",
                ["PYTHONDONTWRITEBYTECODE"] = "1",
                ["LC_ALL"] = "C.UTF-8",
            };
            // One stream, in order: warnings go to stderr and belong to the task they were printed in.
            var result = Proc.Run("/bin/sh", ["-c", "exec ansible-playbook -vvv -i inventory play.yml 2>&1"], env, workingDirectory: dir);
            return new PlaybookRun(result.ExitCode, result.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>The -vvv output of a run, cut into its tasks.</summary>
public sealed partial class PlaybookRun(int exitCode, string output)
{
    public int ExitCode { get; } = exitCode;

    public string Output { get; } = output;

    /// <summary>The tasks in order, each with its remote commands and results.</summary>
    public IReadOnlyList<TaskOutput> Tasks { get; } = Split(output);

    public TaskOutput Task(string name) =>
        Tasks.SingleOrDefault(t => t.Name == name) ?? throw new InvalidOperationException($"no task '{name}' in:\n{Output}");

    public PlaybookRun EnsureSuccess() => ExitCode == 0 ? this : throw new InvalidOperationException($"ansible-playbook failed ({ExitCode}):\n{Output}");

    private static List<TaskOutput> Split(string output)
    {
        var tasks = new List<TaskOutput>();
        string? name = null;
        var body = new StringBuilder();
        foreach (var line in output.Split('\n').Append("PLAY RECAP *"))
        {
            var header = TaskHeader().Match(line);
            if (header.Success || line.StartsWith("PLAY RECAP", StringComparison.Ordinal))
            {
                if (name is not null)
                {
                    tasks.Add(new TaskOutput(name, body.ToString()));
                }

                name = header.Success ? header.Groups[1].Value : null;
                body.Clear();
                continue;
            }

            body.Append(line).Append('\n');
        }

        return tasks;
    }

    [GeneratedRegex(@"^TASK \[(.*)\] \*+$")]
    private static partial Regex TaskHeader();
}
