using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Restarts;

namespace HpcWekaSlurm.Slurm;

/// <summary>
/// The outcome of planning a config file edit: the new bytes, each change, what to restart, and the
/// problems found. Nothing is written by planning; a plan with <see cref="Errors"/> must not be applied.
/// </summary>
public sealed record ConfPlan(
    byte[] Before,
    byte[] After,
    IReadOnlyList<ConfChange> Changes,
    RestartDecision Restart,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Errors)
{
    public bool Changed => !Before.AsSpan().SequenceEqual(After);
}
