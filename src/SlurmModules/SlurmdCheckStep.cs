using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Slurm.Host;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>
/// The validate step of slurm_conf and slurm_gres_conf: slurmd -G judges the candidate; problems it
/// adds fail the task and leave the file as it was. <c>validated</c> is true only when slurmd judged
/// the new content; every way it could not (no slurmd, slurmd failing on the current files too,
/// slurmd not running) is a warning that says why, and the file is written unvalidated.
/// </summary>
public static class SlurmdCheckStep
{
    /// <param name="slurmd">Path of slurmd, null when it is not installed.</param>
    public static void Run(ModuleContext context, string label, string? slurmd, string slurmConfPath, string replacedName, byte[] candidate, string node)
    {
        var result = slurmd is null
            ? SlurmdCheckResult.Skip("slurmd is not installed (not on PATH nor in the sbin directories), so slurmd -G could not check it")
            : Check(slurmd, slurmConfPath, replacedName, candidate, node);
        Report(context, label, result);
    }

    /// <summary>Reports a check that could not be run at all.</summary>
    public static void Skipped(ModuleContext context, string label, string why) => Report(context, label, SlurmdCheckResult.Skip(why));

    private static SlurmdCheckResult Check(string slurmd, string slurmConfPath, string replacedName, byte[] candidate, string node)
    {
        var full = Path.GetFullPath(slurmConfPath);
        try
        {
            return SlurmdConfigCheck.Check(HostCommands.Run, slurmd, Path.GetDirectoryName(full)!, Path.GetFileName(full), replacedName, candidate, node);
        }
        catch (ModuleFailure e)
        {
            // slurmd could not be started or did not finish: nothing was judged, which is not a verdict on the file.
            return SlurmdCheckResult.Skip(e.Message);
        }
    }

    private static void Report(ModuleContext context, string label, SlurmdCheckResult result)
    {
        if (!result.Ran)
        {
            context.Warn($"{label} was not validated: {result.Note}");
        }
        else if (result.Note is { } note)
        {
            context.Warn(note);
        }

        if (!result.Passed)
        {
            throw new ModuleFailure($"{label} was not changed: slurmd -G rejects the new file: {string.Join("; ", result.Problems)}");
        }

        context.Result.Set("validated", result.Validated);
    }
}
