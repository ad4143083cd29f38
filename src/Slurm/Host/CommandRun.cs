namespace HpcWekaSlurm.Slurm.Host;

/// <summary>What an external command did.</summary>
public sealed record CommandOutcome(int ExitCode, string StdOut, string StdErr);

/// <summary>
/// Runs a program and returns its outcome (the modules pass their CommandRunner, tests a real
/// process). Keeps this library free of Ansible and of any process API.
/// </summary>
public delegate CommandOutcome CommandRun(string program, IReadOnlyList<string> arguments);
