using System.Globalization;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// The slurm and munge accounts must have the same uid and gid on every node (and the inventory's,
/// which slurm_packages creates them with): munge credentials and Slurm's job ownership carry
/// numeric ids, and files on shared storage would change owner between nodes. Nodes where an
/// account does not exist yet are left out: the rollout creates it.
/// </summary>
public static class AccountRule
{
    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var accounts = input.Hosts.SelectMany(h => h.Facts.Accounts.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var account in accounts)
        {
            foreach (var kind in new[] { "uid", "gid" })
            {
                if (Judge(input, account, kind) is { } problem)
                {
                    yield return problem;
                }
            }
        }
    }

    private static Problem? Judge(PreflightInput input, string account, string kind)
    {
        var values = input.Hosts
            .Select(h => (h.Name, Id: h.Facts.Accounts.GetValueOrDefault(account) is { } a ? Id(a, kind) : null))
            .Where(v => v.Id is not null)
            .Select(v => (v.Name, Value: v.Id!.Value.ToString(CultureInfo.InvariantCulture)))
            .ToList();
        var variable = $"{account}_{kind}";
        var inventory = InventoryId(input, account, kind) is { } id ? (id.ToString(CultureInfo.InvariantCulture), variable) : ((string, string)?)null;
        if (Consensus.Judge(values, inventory, input.ReferenceHost) is not { } verdict)
        {
            return null;
        }

        var what = kind == "uid" ? $"user {account}" : $"group {account}";
        var byHost = values.ToDictionary(v => v.Name, v => v.Value);
        return new Problem(
            Checks.AccountIds,
            $"the {kind} of {what} differs between nodes ({verdict.Listing()}): munge credentials and job ownership carry numeric ids",
            [.. verdict.Odd.Select(h => new HostIssue(h, verdict.Against($"{what} has {kind} {byHost[h]}")))],
            Fix(account, kind, verdict.Expected, variable));
    }

    private static long? Id(AccountFact account, string kind) => kind == "uid" ? account.Uid : account.Gid;

    /// <summary>The inventory's id for the account: the reference node's view first, else any node's.</summary>
    private static long? InventoryId(PreflightInput input, string account, string kind) =>
        input.Hosts.OrderBy(h => h.Name == input.ReferenceHost ? 0 : 1)
            .Select(h => h.Expect.Accounts.GetValueOrDefault(account) is { } ids ? (kind == "uid" ? ids.Uid : ids.Gid) : null)
            .FirstOrDefault(id => id is not null);

    private static string Fix(string account, string kind, string? expected, string variable)
    {
        if (expected is null)
        {
            return $"choose one {kind} for {account}, set {variable} in the inventory, and change the other nodes to it";
        }

        var change = kind == "uid"
            ? $"`usermod -u {expected} {account}` (stop its processes first), then `find / -xdev -uid OLD -exec chown -h {expected} {{}} +`"
            : $"`groupmod -g {expected} {account}`, then `find / -xdev -gid OLD -exec chgrp -h {expected} {{}} +`";
        return $"on these nodes run {change}, or correct the account in the directory service (LDAP/SSSD) when it comes from there; " +
               $"restart munge and slurmd afterwards";
    }
}
