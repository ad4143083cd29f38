using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.Slurm.Host;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>The Slurm library's command hook, run through the runtime's CommandRunner (timeout, clean failures).</summary>
public static class HostCommands
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    public static CommandOutcome Run(string program, IReadOnlyList<string> arguments)
    {
        var result = CommandRunner.Run(program, arguments, Timeout);
        return new CommandOutcome(result.ExitCode, result.StdOut, result.StdErr);
    }

    public static string? Which(string program) => CommandRunner.Which(program);

    /// <summary>The short host name (as Slurm's NodeName usually is).</summary>
    public static string ShortHostName() => Environment.MachineName.Split('.')[0];
}
