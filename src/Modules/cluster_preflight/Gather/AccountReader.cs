using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>The service accounts' ids through NSS (files, LDAP, SSSD), as the daemons will see them.</summary>
public static class AccountReader
{
    public static IReadOnlyDictionary<string, AccountFact?> Read(IReadOnlyList<string> accounts) =>
        accounts.ToDictionary(
            name => name,
            name => NssAccounts.User(name) is { } user ? new AccountFact(user.Uid, user.Gid, NssAccounts.Group(name)) : null,
            StringComparer.Ordinal);
}
