namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>
/// Users and groups looked up the way the C library does (NSS: /etc/passwd, LDAP, SSSD), for
/// modules that check or create service accounts. Null means "no such account".
/// </summary>
public static class NssAccounts
{
    public static (uint Uid, uint Gid)? User(string name) => Posix.LookupUser(name);

    public static string? UserName(uint uid) => Posix.UserName(uid);

    public static uint? Group(string name) => Posix.LookupGroup(name);

    public static string? GroupName(uint gid) => Posix.GroupName(gid);
}
