using CliWrap;
using CliWrap.Buffered;

namespace HpcWekaSlurm.Bench;

/// <summary>Commands on this machine (the measuring tools, strip, gnuplot); a failure throws with its output.</summary>
public static class Shell
{
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, string? stdin = null)
    {
        var command = Cli.Wrap(program).WithArguments(arguments).WithValidation(CommandResultValidation.None);
        if (stdin is not null)
        {
            command = command.WithStandardInputPipe(PipeSource.FromString(stdin));
        }

        var result = await command.ExecuteBufferedAsync();
        return result.ExitCode == 0
            ? result.StandardOutput
            : throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} failed with exit code {result.ExitCode}\n{result.StandardOutput}\n{result.StandardError}");
    }

    public static Task<string> BashAsync(string script) => RunAsync("bash", ["-euo", "pipefail", "-c", script]);
}
