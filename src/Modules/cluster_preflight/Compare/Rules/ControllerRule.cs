using System.Net;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// Every node must resolve the controller's name (slurmd registers with SlurmctldHost, and configless
/// nodes fetch their configuration from it), and to a real address: a name that resolves to loopback
/// on another node (a cloned image's /etc/hosts) makes slurmd talk to itself.
/// </summary>
public static class ControllerRule
{
    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var names = input.Hosts.SelectMany(h => h.Facts.Controllers.Keys).Distinct().Order(StringComparer.Ordinal);
        foreach (var name in names)
        {
            var unresolved = input.Hosts
                .Where(h => h.Facts.Controllers.GetValueOrDefault(name) is { Resolved: false })
                .Select(h => new HostIssue(h.Name, $"'{name}' does not resolve: {h.Facts.Controllers[name].Error}"))
                .ToList();
            if (unresolved.Count > 0)
            {
                yield return new Problem(
                    Checks.ControllerResolution,
                    $"controller '{name}' does not resolve on some nodes: slurmd registers with SlurmctldHost by this name, and configless nodes fetch slurm.conf from it",
                    unresolved,
                    $"add '{name}' to DNS, or to /etc/hosts on these nodes with the controller's address");
            }

            var loopback = input.Hosts
                .Where(h => !IsController(h, name) && h.Facts.Controllers.GetValueOrDefault(name) is { Resolved: true } r && r.Addresses.All(IsLoopback))
                .Select(h => new HostIssue(h.Name, $"'{name}' resolves to {string.Join(", ", h.Facts.Controllers[name].Addresses)}"))
                .ToList();
            if (loopback.Count > 0)
            {
                yield return new Problem(
                    Checks.ControllerResolution,
                    $"controller '{name}' resolves to a loopback address on nodes that are not the controller: slurmd there would contact itself",
                    loopback,
                    $"remove '{name}' from the 127.0.1.1 (or ::1) line of /etc/hosts on these nodes (a cloned image keeps the old host name there) " +
                    "and give the controller's real address");
            }
        }
    }

    private static bool IsController(PreflightHost host, string name) =>
        string.Equals(host.Name, name, StringComparison.OrdinalIgnoreCase) ||
        string.Equals(host.Facts.Hostname, name.Split('.')[0], StringComparison.OrdinalIgnoreCase);

    private static bool IsLoopback(string address) => IPAddress.TryParse(address, out var ip) && IPAddress.IsLoopback(ip);
}
