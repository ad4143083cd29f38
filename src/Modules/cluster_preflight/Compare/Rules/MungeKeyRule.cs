namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// One munge key everywhere, else credentials made on one node do not decode on another. The right
/// key is the reference node's (the first controller: munge.yml spreads its key). Nodes without a
/// key are left out (the rollout installs one).
/// </summary>
public static class MungeKeyRule
{
    /// <summary>Enough of the SHA-256 to tell keys apart in a report.</summary>
    private const int Shown = 16;

    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var values = input.Hosts
            .Where(h => h.Facts.MungeKey.Fingerprint is not null)
            .Select(h => (h.Name, Value: h.Facts.MungeKey.Fingerprint![..Math.Min(Shown, h.Facts.MungeKey.Fingerprint!.Length)]))
            .ToList();
        if (Consensus.Judge(values, null, input.ReferenceHost) is not { } verdict)
        {
            yield break;
        }

        var byHost = values.ToDictionary(v => v.Name, v => v.Value);
        yield return new Problem(
            Checks.MungeKey,
            $"the munge key differs between nodes (sha256 {verdict.Listing()}): credentials made on one node do not decode on the others",
            [.. verdict.Odd.Select(h => new HostIssue(h, verdict.Against($"key sha256 {byHost[h]}")))],
            "install the controller's key on these nodes and restart munge there: playbooks/munge.yml does both " +
            "(in cluster.yml it runs after this preflight: add munge_key to preflight_ignore for that run)");
    }
}
