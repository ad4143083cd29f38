using System.Diagnostics;

namespace FastPath.Tests.Harness;

/// <summary>Output of a finished process.</summary>
public sealed record ProcResult(int ExitCode, string Stdout, string Stderr)
{
    public ProcResult EnsureSuccess(string what) =>
        ExitCode == 0 ? this : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}:\n{Stdout}\n{Stderr}");
}

/// <summary>Runs a program to completion (the timeout only stops a hung run; nothing asserts on time).</summary>
public static class Proc
{
    public static ProcResult Run(string file, IEnumerable<string> args, IDictionary<string, string>? env = null,
        string? workingDirectory = null, string? stdin = null, int timeoutSeconds = 600)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            info.Environment[k] = v;
        }

        using var p = Process.Start(info)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            p.StandardInput.Write(stdin);
        }

        p.StandardInput.Close();
        if (!p.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeoutSeconds}s");
        }

        return new ProcResult(p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>/bin/sh -c SCRIPT, failing the test on a non-zero exit.</summary>
    public static string Sh(string script, IDictionary<string, string>? env = null) =>
        Run("/bin/sh", ["-c", script], env).EnsureSuccess($"sh -c '{script}'").Stdout;
}
