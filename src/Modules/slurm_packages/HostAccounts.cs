using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.Modules.SlurmPackages;

/// <summary>The host's accounts through NSS, for the account planner.</summary>
public sealed class HostAccounts : IAccountDatabase
{
    public (uint Uid, uint Gid)? User(string name) => NssAccounts.User(name);

    public string? UserName(uint uid) => NssAccounts.UserName(uid);

    public uint? Group(string name) => NssAccounts.Group(name);

    public string? GroupName(uint gid) => NssAccounts.GroupName(gid);
}
