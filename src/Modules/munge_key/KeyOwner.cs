using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;

namespace HpcWekaSlurm.Modules.MungeKey;

/// <summary>The key's owner and group as ids, looked up through NSS.</summary>
public static class KeyOwner
{
    /// <summary>
    /// Null only in check mode when the account is missing: an earlier task of the same play
    /// (slurm_packages, or the munge package) would have created it.
    /// </summary>
    public static (uint Uid, uint Gid)? Resolve(ModuleContext context, FileOwnership ownership)
    {
        try
        {
            return (FileOwnership.ResolveUser(ownership.Owner!), FileOwnership.ResolveGroup(ownership.Group!));
        }
        catch (ModuleFailure e)
        {
            // ManagedFile warns about the missing account in check mode; the key's directory waits for it too.
            return context.CheckMode
                ? null
                : throw new ModuleFailure($"{e.Message}: install the munge package first (it creates the munge user and group), or create the account");
        }
    }
}
