namespace HpcWekaSlurm.Slurm.Restarts;

/// <summary>One step for a handler: a daemon and the ansible.builtin.service state to put it in.</summary>
public sealed record RestartStep(string Daemon, string State);

/// <summary>Why a change needs what it needs: a restart of these daemons (none: reconfigure is enough).</summary>
/// <param name="Careful">Slurm &lt; 24.11 node change: stop slurmd, restart slurmctld, start slurmd.</param>
public sealed record Impact(string Reason, IReadOnlyList<string> Restart, bool Careful = false)
{
    public static Impact Reconfigure(string reason) => new(reason, []);
}

/// <summary>
/// How to apply a config change: which daemons must restart (slurmdbd, then slurmctld, then slurmd),
/// whether <c>scontrol reconfigure</c> (or a reload) suffices, and, when the order matters more than
/// that (node lines before 24.11), the exact steps; with the reasons an admin can read.
/// </summary>
/// <param name="Sequence">Empty unless the careful node sequence is needed: stop slurmd, restart slurmctld, start slurmd.</param>
public sealed record RestartDecision(
    IReadOnlyList<string> RestartRequired,
    bool ReconfigureSufficient,
    IReadOnlyList<RestartStep> Sequence,
    IReadOnlyList<string> Reasons)
{
    public static RestartDecision Nothing { get; } = new([], false, [], []);

    /// <summary>Daemons in the order they are restarted: accounting first, then the controller, then the nodes.</summary>
    private static readonly string[] Order = [Daemons.Slurmdbd, Daemons.Slurmctld, Daemons.Slurmd];

    public static RestartDecision From(IReadOnlyCollection<Impact> impacts)
    {
        if (impacts.Count == 0)
        {
            return Nothing;
        }

        var reasons = impacts.Select(i => i.Reason).Distinct().ToList();
        var restart = Order.Where(d => impacts.Any(i => i.Restart.Contains(d))).ToList();
        if (restart.Count == 0)
        {
            return new RestartDecision([], true, [], reasons);
        }

        // Only a node (re)definition before 24.11 needs an order beyond "slurmctld, then slurmd":
        // slurmd must not re-register while slurmctld still holds the old node table ("CoreSpec differ" -> INVALID).
        IReadOnlyList<RestartStep> sequence = impacts.Any(i => i.Careful)
            ? [new(Daemons.Slurmd, "stopped"), new(Daemons.Slurmctld, "restarted"), new(Daemons.Slurmd, "started")]
            : [];
        return new RestartDecision(restart, false, sequence, reasons);
    }
}

public static class Daemons
{
    public const string Slurmctld = "slurmctld";
    public const string Slurmd = "slurmd";
    public const string Slurmdbd = "slurmdbd";
}
