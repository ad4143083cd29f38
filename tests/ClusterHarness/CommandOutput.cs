namespace HpcWekaSlurm.ClusterHarness;

/// <summary>Exit code and captured output of a command run in a container or on this machine.</summary>
public sealed record CommandOutput(int ExitCode, string Stdout, string Stderr)
{
    public bool Succeeded => ExitCode == 0;

    /// <summary>Returns this output, or throws with the whole output when the command failed.</summary>
    public CommandOutput EnsureSuccess(string what) => Succeeded
        ? this
        : throw new InvalidOperationException($"{what} failed with exit code {ExitCode}\n--- stdout\n{Stdout}\n--- stderr\n{Stderr}");
}
