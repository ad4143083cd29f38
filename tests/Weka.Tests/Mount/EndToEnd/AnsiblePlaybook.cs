using System.Diagnostics;
using System.Text.Json.Nodes;

namespace Weka.Tests.Mount.EndToEnd;

/// <summary>Runs one module task through the real ansible-playbook (connection local) and returns the task's result.</summary>
public static class AnsiblePlaybook
{
    /// <summary>
    /// Writes a one-task play (<paramref name="args"/> as the module's arguments, PATH led by
    /// <paramref name="pathPrefix"/>) into <paramref name="workDir"/> and runs it with the module
    /// directory on <c>-M</c>. Returns ansible-playbook's exit code and the task's result object.
    /// </summary>
    public static (int ExitCode, JsonObject Result) RunTask(string workDir, string libraryDir, string module, JsonObject args, string pathPrefix,
        JsonObject? vars = null, params string[] flags)
    {
        var play = new JsonArray(new JsonObject
        {
            ["hosts"] = "localhost",
            ["gather_facts"] = false,
            ["vars"] = vars?.DeepClone() ?? new JsonObject(),
            ["tasks"] = new JsonArray(new JsonObject
            {
                ["name"] = "under test",
                [module] = args.DeepClone(),
                ["environment"] = new JsonObject { ["PATH"] = pathPrefix + ":{{ lookup('env', 'PATH') }}" },
            }),
        });
        var playbook = Path.Combine(workDir, "play.yml");
        File.WriteAllText(playbook, play.ToJsonString()); // JSON is YAML

        var start = new ProcessStartInfo("ansible-playbook")
        {
            WorkingDirectory = workDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-i", "localhost,", "-c", "local", "-M", libraryDir, playbook }.Concat(flags))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["ANSIBLE_STDOUT_CALLBACK"] = "ansible.posix.json";
        start.Environment["ANSIBLE_NOCOLOR"] = "1";
        start.Environment["ANSIBLE_RETRY_FILES_ENABLED"] = "0";
        start.Environment["ANSIBLE_LOCAL_TEMP"] = Path.Combine(workDir, ".ansible-local");
        start.Environment["ANSIBLE_REMOTE_TEMP"] = Path.Combine(workDir, ".ansible-remote");
        start.Environment["ANSIBLE_PYTHON_INTERPRETER"] = "/usr/bin/python3";
        start.Environment.Remove("ANSIBLE_LIBRARY");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        JsonNode? output;
        try
        {
            output = JsonNode.Parse(stdout.Result);
        }
        catch (System.Text.Json.JsonException)
        {
            throw new InvalidOperationException($"ansible-playbook did not print JSON (exit {process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        var result = output?["plays"]?[0]?["tasks"]?[0]?["hosts"]?["localhost"] as JsonObject
                     ?? throw new InvalidOperationException($"no task result in ansible-playbook's output:\n{stdout.Result}\n{stderr.Result}");
        return (process.ExitCode, result);
    }
}
