using System.ComponentModel;
using CliWrap;
using CliWrap.Buffered;

namespace HpcWekaSlurm.AnsibleModule.Commands;

/// <summary>Captured outcome of an external command.</summary>
public sealed record CommandResult(int ExitCode, string StdOut, string StdErr)
{
    public bool Succeeded => ExitCode == 0;
}

/// <summary>Runs external commands (slurmd, mount, dpkg...) with a timeout, capturing rc, stdout and stderr.</summary>
public static class CommandRunner
{
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Runs <paramref name="program"/>; a missing program or a timeout becomes a clear <see cref="ModuleFailure"/>.
    /// On timeout the program and its children are killed.
    /// </summary>
    /// <param name="timeoutOption">The module option that set <paramref name="timeout"/>: a timeout failure names it, so the admin knows what to raise.</param>
    public static CommandResult Run(
        string program,
        IEnumerable<string> arguments,
        TimeSpan? timeout = null,
        string? stdin = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        string? timeoutOption = null)
    {
        var args = arguments.ToList();
        var command = Cli.Wrap(program)
            .WithArguments(args)
            .WithValidation(CommandResultValidation.None);
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin));
        }

        if (environment is not null)
        {
            command = command.WithEnvironmentVariables(environment);
        }

        var limit = timeout ?? DefaultTimeout;
        using var cancel = new CancellationTokenSource(limit);
        try
        {
            var result = command.ExecuteBufferedAsync(cancel.Token).GetAwaiter().GetResult();
            return new CommandResult(result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (OperationCanceledException)
        {
            var stopped = $"'{Describe(program, args)}' did not finish within {limit.TotalSeconds:0} s and was stopped";
            throw new ModuleFailure(timeoutOption is null ? stopped : $"option '{timeoutOption}': {stopped} (raise {timeoutOption} to allow more time)");
        }
        catch (Win32Exception e)
        {
            throw new ModuleFailure($"cannot run '{program}': {e.Message}");
        }
        catch (InvalidOperationException e) when (e.InnerException is Win32Exception inner)
        {
            throw new ModuleFailure($"cannot run '{program}': {inner.Message}");
        }
    }

    /// <summary>Finds a program on PATH (plus the sbin directories modules often need), or null.</summary>
    public static string? Which(string program)
    {
        if (program.Contains('/'))
        {
            return File.Exists(program) ? program : null;
        }

        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Concat(["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]);
        return path.Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
    }

    public static string Describe(string program, IEnumerable<string> args) =>
        string.Join(' ', args.Prepend(program).Select(a => a.Contains(' ') ? $"'{a}'" : a));
}
