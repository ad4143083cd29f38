using System.Text;
using CliWrap;

namespace HpcWekaSlurm.ClusterHarness;

/// <summary>Runs a program on this machine with a bounded wait, capturing its output.</summary>
internal static class HostProcess
{
    public static async Task<CommandOutput> RunAsync(
        string program,
        IEnumerable<string> arguments,
        TimeSpan timeout,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null,
        CancellationToken cancellationToken = default)
    {
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var command = Cli.Wrap(program)
            .WithArguments(arguments)
            .WithWorkingDirectory(workingDirectory ?? Environment.CurrentDirectory)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithStandardOutputPipe(PipeTarget.ToStringBuilder(stdout))
            .WithStandardErrorPipe(PipeTarget.ToStringBuilder(stderr))
            .WithValidation(CommandResultValidation.None);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            var result = await command.ExecuteAsync(limit.Token);
            return new CommandOutput(result.ExitCode, stdout.ToString(), stderr.ToString());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Keep what it printed so far: that is where a hang shows.
            throw new TimeoutException(
                $"{program} did not finish within {timeout.TotalSeconds:0} s and was killed\n--- stdout\n{stdout}\n--- stderr\n{stderr}");
        }
    }
}
