using System.Diagnostics;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Reliability.Tests.Harness;

/// <summary>How to run one module binary: its argv, stdin, environment, and an optional wrapper (setpriv, unshare).</summary>
public sealed record RunSpec(string Module, IReadOnlyList<string> Argv, string WorkDirectory)
{
    public byte[]? Stdin { get; init; }

    /// <summary>Directories put first on PATH (fake commands).</summary>
    public IReadOnlyList<string> PathPrefix { get; init; } = [];

    /// <summary>Runs the module through this command line (the binary and its argv are appended).</summary>
    public IReadOnlyList<string> Wrapper { get; init; } = [];

    /// <summary>
    /// A run that has not ended by then is killed and reported as hung. Generous on purpose (the
    /// machine is shared with builds): it catches hangs; the slowest run is reported in the figures.
    /// </summary>
    public TimeSpan Limit { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>What a run produced.</summary>
public sealed record RunResult(int ExitCode, byte[] Stdout, string Stderr, bool Hung, JsonObject? Json, string? JsonProblem)
{
    /// <summary>Wall time until the exit, from when the test began waiting (reported, never asserted).</summary>
    public TimeSpan Elapsed { get; init; }

    public string StdoutText => System.Text.Encoding.UTF8.GetString(Stdout);

    /// <summary>The result object, failing the test when stdout was not exactly one JSON object.</summary>
    public JsonObject Result
    {
        get
        {
            Assert.False(Hung, "the module did not end within its limit and was killed");
            Assert.True(Json is not null, $"stdout is not exactly one JSON object: {JsonProblem}; stderr: {ModuleResultJson.Clip(Stderr)}");
            return Json!;
        }
    }

    public override string ToString() => $"rc={ExitCode} hung={Hung} stdout={ModuleResultJson.Clip(StdoutText)} stderr={ModuleResultJson.Clip(Stderr)}";
}

/// <summary>Runs the real module binaries as processes, with a clean environment.</summary>
public static class ModuleProcess
{
    public const string SystemPath = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";

    public static RunResult Run(RunSpec spec)
    {
        using var process = Start(spec);
        return Finish(process, spec);
    }

    public static Process Start(RunSpec spec)
    {
        var binary = RepoPaths.Binary(spec.Module);
        var command = spec.Wrapper.Concat([binary]).Concat(spec.Argv).ToList();
        var info = new ProcessStartInfo(command[0])
        {
            WorkingDirectory = spec.WorkDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command.Skip(1))
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment.Clear();
        info.Environment["PATH"] = string.Join(':', spec.PathPrefix.Append(SystemPath));
        info.Environment["HOME"] = spec.WorkDirectory;
        info.Environment["LANG"] = "C.UTF-8";
        var process = Process.Start(info)!;
        return process;
    }

    /// <summary>Feeds stdin, collects the output, and kills the run if it outlives its limit.</summary>
    public static RunResult Finish(Process process, RunSpec spec)
    {
        var clock = Stopwatch.StartNew();
        var stdout = new MemoryStream();
        var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            if (spec.Stdin is { } input)
            {
                process.StandardInput.BaseStream.Write(input);
            }

            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The module may exit without reading all of stdin (an args file was given): not a problem.
        }

        var hung = !process.WaitForExit(spec.Limit);
        var elapsed = clock.Elapsed;
        if (hung)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        // A child the module left running (it would hold stdout open) must not hang the test.
        Assert.True(Task.WaitAll([copyOut, stderr], TimeSpan.FromSeconds(10)), "the module exited but something it started still holds its stdout open");
        var bytes = stdout.ToArray();
        var (json, problem) = ModuleResultJson.Parse(bytes);
        return new RunResult(process.ExitCode, bytes, stderr.Result, hung, json, problem) { Elapsed = elapsed };
    }
}
