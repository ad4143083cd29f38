using System.Diagnostics;
using System.Text;
using HpcWekaSlurm.Slurm.Host;

namespace HpcWekaSlurm.Slurm.Tests.Host;

/// <summary>Runs real programs for the tests (slurmd, scontrol, srun...), the way the modules' CommandRunner does.</summary>
public static class Processes
{
    public static CommandOutcome Run(string program, IReadOnlyList<string> arguments) => Run(program, arguments, null);

    public static CommandOutcome Run(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment, int timeoutSeconds = 60)
    {
        using var process = Start(program, arguments, environment, out var stdout, out var stderr);
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish within {timeoutSeconds} s; stderr: {stderr}");
        }

        process.WaitForExit();
        return new CommandOutcome(process.ExitCode, stdout.ToString(), stderr.ToString());
    }

    /// <summary>Starts a long-running program (a daemon in the foreground) whose output is collected.</summary>
    public static Process Start(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string>? environment,
        out StringBuilder stdout, out StringBuilder stderr)
    {
        var info = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = "/",
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var output = new StringBuilder();
        var errors = new StringBuilder();
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (errors) { errors.AppendLine(e.Data); } };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        stdout = output;
        stderr = errors;
        return process;
    }

    /// <summary>SIGTERM to one process by its id, then waits for it to go (SIGKILL after 15 s).</summary>
    public static void Stop(int pid)
    {
        Run("/bin/kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        for (var i = 0; i < 150 && Directory.Exists($"/proc/{pid}") && !IsZombie(pid); i++)
        {
            Thread.Sleep(100);
        }

        if (Directory.Exists($"/proc/{pid}") && !IsZombie(pid))
        {
            Run("/bin/kill", ["-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        }
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
