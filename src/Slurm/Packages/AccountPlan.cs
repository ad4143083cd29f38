using System.Globalization;

namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>The host's users and groups as NSS sees them (local files, LDAP, SSSD).</summary>
public interface IAccountDatabase
{
    (uint Uid, uint Gid)? User(string name);

    string? UserName(uint uid);

    uint? Group(string name);

    string? GroupName(uint gid);
}

/// <summary>A service account that must have the same ids on every node (slurm, munge).</summary>
public sealed record AccountRequest(string Name, long? Uid, long? Gid, string Home);

public enum AccountChangeKind
{
    CreateGroup,
    CreateUser,
}

/// <summary>One groupadd/useradd to run, with the arguments it takes.</summary>
public sealed record AccountChange(AccountChangeKind Kind, string Name, IReadOnlyList<string> Arguments)
{
    public string Program => Kind == AccountChangeKind.CreateGroup ? "groupadd" : "useradd";

    public string Describe() => $"{Program} {string.Join(' ', Arguments)}";
}

/// <summary>
/// Creates the slurm and munge accounts with fixed ids before the packages do (they would take
/// the next free system id, different on each node). An account that exists with another id is
/// an error to fix by hand: renumbering means chown-ing its files, not a package task's job.
/// </summary>
public static class AccountPlan
{
    public const string Shell = "/usr/sbin/nologin";

    public static IReadOnlyList<AccountChange> Build(IEnumerable<AccountRequest> requests, IAccountDatabase db)
    {
        var changes = new List<AccountChange>();
        foreach (var r in requests.Where(r => r.Uid is not null || r.Gid is not null))
        {
            var group = db.Group(r.Name);
            if (r.Gid is { } gid)
            {
                CheckId(gid, $"{r.Name}_gid");
                if (group is { } existing && existing != gid)
                {
                    throw new InvalidOperationException(
                        $"group '{r.Name}' exists with gid {existing}, not {gid} ({r.Name}_gid): ids must be the same on every node; " +
                        $"renumber it by hand (groupmod -g {gid} {r.Name}, then chgrp its files) or set {r.Name}_gid: {existing} everywhere");
                }

                if (group is null && db.GroupName((uint)gid) is { } other)
                {
                    throw new InvalidOperationException($"gid {gid} ({r.Name}_gid) already belongs to group '{other}'; choose a free gid");
                }
            }

            if (group is null)
            {
                changes.Add(new AccountChange(AccountChangeKind.CreateGroup, r.Name,
                    [.. r.Gid is { } g ? new[] { "--system", "--gid", Id(g) } : ["--system"], r.Name]));
            }

            var user = db.User(r.Name);
            if (r.Uid is { } uid)
            {
                CheckId(uid, $"{r.Name}_uid");
                if (user is { } existing && existing.Uid != uid)
                {
                    throw new InvalidOperationException(
                        $"user '{r.Name}' exists with uid {existing.Uid}, not {uid} ({r.Name}_uid): ids must be the same on every node; " +
                        $"renumber it by hand (usermod -u {uid} {r.Name}, then chown its files) or set {r.Name}_uid: {existing.Uid} everywhere");
                }

                if (user is null && db.UserName((uint)uid) is { } other)
                {
                    throw new InvalidOperationException($"uid {uid} ({r.Name}_uid) already belongs to user '{other}'; choose a free uid");
                }
            }

            if (user is null)
            {
                changes.Add(new AccountChange(AccountChangeKind.CreateUser, r.Name,
                    [.. r.Uid is { } u ? new[] { "--system", "--uid", Id(u) } : ["--system"],
                     "--gid", r.Name, "--home-dir", r.Home, "--no-create-home", "--shell", Shell, r.Name]));
            }
        }

        return changes;
    }

    private static void CheckId(long id, string option)
    {
        // 0 is root's; 65534 nobody's; above 2^31 many tools misbehave.
        if (id is <= 0 or >= int.MaxValue or 65534)
        {
            throw new ArgumentException($"option '{option}': {id} is not a usable id (1 to 2147483646, not 65534)");
        }
    }

    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}
