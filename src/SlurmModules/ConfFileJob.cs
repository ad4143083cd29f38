using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Slurm;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>One config file to bring to a planned state: where, how to plan, how to show, what to check first.</summary>
public sealed record ConfFileJob(string Path, string Label, Func<byte[], ConfPlan> Plan)
{
    /// <summary>Owner, group and mode to give the file, knowing the plan (slurmdbd.conf belongs to the SlurmUser it names).</summary>
    public Func<ConfPlan, FileOwnership> Ownership { get; init; } = static _ => FileOwnership.Unspecified;

    public UnixFileMode NewFileMode { get; init; } = (UnixFileMode)Convert.ToInt32("644", 8);

    public bool Backup { get; init; }

    /// <summary>Create the file when it is missing (else a missing file fails the task).</summary>
    public bool Create { get; init; } = true;

    /// <summary>A secret file: not written through a symlink, shown only through <see cref="Render"/>.</summary>
    public bool Secret { get; init; }

    /// <summary>How content appears in a diff.</summary>
    public Func<byte[], string>? Render { get; init; }

    /// <summary>A last check of the planned bytes before they replace the file (throws ModuleFailure to stop).</summary>
    public Action<ConfPlan>? Check { get; init; }

    /// <summary>Result key telling that no restart is needed: reconfigure_sufficient (scontrol) or reload_sufficient (slurmdbd).</summary>
    public string NoRestartKey { get; init; } = "reconfigure_sufficient";
}
