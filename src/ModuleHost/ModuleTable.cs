using M = HpcWekaSlurm.Modules;

namespace HpcWekaSlurm.ModuleHost;

/// <summary>Every module the binary serves, by its Ansible name (tests check it matches src/Modules).</summary>
public static class ModuleTable
{
    public static readonly IReadOnlyDictionary<string, Func<string[], int>> Entries = new Dictionary<string, Func<string[], int>>(StringComparer.Ordinal)
    {
        [M.ClusterPreflight.Options.ModuleName] = M.ClusterPreflight.Program.Main,
        [M.MungeKey.Options.ModuleName] = M.MungeKey.Program.Main,
        [M.SlurmCgroupConf.Options.ModuleName] = M.SlurmCgroupConf.Program.Main,
        [M.SlurmConf.Options.ModuleName] = M.SlurmConf.Program.Main,
        [M.SlurmdbdConf.Options.ModuleName] = M.SlurmdbdConf.Program.Main,
        [M.SlurmGresConf.Options.ModuleName] = M.SlurmGresConf.Program.Main,
        [M.SlurmNodeFacts.Options.ModuleName] = M.SlurmNodeFacts.Program.Main,
        [M.SlurmPackages.Options.ModuleName] = M.SlurmPackages.Program.Main,
        [M.WekafsMount.Options.ModuleName] = M.WekafsMount.Program.Main,
        [M.WekaServiceConf.Options.ModuleName] = M.WekaServiceConf.Program.Main,
        [M.WekaSlurmCpuAudit.Options.ModuleName] = M.WekaSlurmCpuAudit.Program.Main,
    };
}
