using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Slurm.Host;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>The Slurm release whose rules apply: the slurm_version option, else what the installed daemons say.</summary>
public static class SlurmRelease
{
    public static VersionRules Resolve(ModuleContext context)
    {
        SlurmVersion? version;
        if (context.Params.Str("slurm_version") is { } given)
        {
            version = SlurmVersion.TryParse(given)
                ?? throw new ModuleFailure($"option 'slurm_version': '{given}' is not a Slurm release such as 22.05 or 24.11.5");
        }
        else
        {
            version = SlurmProbe.Version(HostCommands.Run, HostCommands.Which, HostCommands.PackagedVersion);
        }

        var rules = new VersionRules(version);
        context.Result.Set("slurm_version", version?.ToString());
        if (version is null)
        {
            context.Warn(rules.Describe());
        }

        return rules;
    }
}
