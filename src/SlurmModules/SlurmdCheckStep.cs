using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Slurm.Host;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>The validate step of slurm_conf and slurm_gres_conf: slurmd -G judges the candidate; problems it adds fail the task.</summary>
public static class SlurmdCheckStep
{
    public static void Run(ModuleContext context, string label, string slurmd, string slurmConfPath, string replacedName, byte[] candidate, string node)
    {
        var full = Path.GetFullPath(slurmConfPath);
        var result = SlurmdConfigCheck.Check(HostCommands.Run, slurmd, Path.GetDirectoryName(full)!, Path.GetFileName(full), replacedName, candidate, node);
        if (result.Note is { } note)
        {
            context.Warn(note);
        }

        if (!result.Passed)
        {
            throw new ModuleFailure($"{label} was not changed: slurmd -G rejects the new file: {string.Join("; ", result.Problems)}");
        }

        context.Result.Set("validated", result.Ran);
    }
}
