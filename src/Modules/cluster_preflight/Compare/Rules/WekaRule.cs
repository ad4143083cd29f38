using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// WEKA on the clients: the data NIC must exist (a DPDK mount needs it), WEKA's cores should sit on
/// the NIC's NUMA node (else its traffic crosses the interconnect), and a node that must mount WEKA
/// needs the WEKA client (agent and service.conf) installed.
/// </summary>
public static class WekaRule
{
    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var missingNics = input.Hosts
            .SelectMany(h => h.Facts.Nics.Where(n => !n.Value.Exists).Select(n => new HostIssue(h.Name, n.Value.Error ?? $"no interface '{n.Key}'")))
            .ToList();
        if (missingNics.Count > 0)
        {
            yield return new Problem(
                Checks.WekaNic,
                "WEKA's data NIC (weka_nic, weka_net) does not exist: the DPDK mount cannot start",
                missingNics,
                "set weka_nic and weka_net to the data interface of these nodes (or bring it up), or mount in UDP mode (weka_mount_mode: udp), which needs none");
        }

        var remote = input.Hosts.Select(RemoteCores).OfType<HostIssue>().ToList();
        if (remote.Count > 0)
        {
            yield return new Problem(
                Checks.WekaNuma,
                "WEKA cores are off the data NIC's NUMA node: WEKA's traffic crosses NUMA nodes",
                remote,
                "choose weka_cores among the NIC's local CPUs, or give weka_core_count instead and slurm_node_facts picks them there");
        }

        var noClient = input.Hosts
            .Where(h => h.Expect.WekaMount && !(h.Facts.Weka.AgentInstalled && h.Facts.Weka.ServiceConfExists))
            .Select(h => new HostIssue(h.Name, h.Facts.Weka.AgentInstalled
                ? $"the weka-agent service is installed, but {h.Facts.Weka.ServiceConf} is missing"
                : "no weka-agent service (the WEKA client is not installed)"))
            .ToList();
        if (noClient.Count > 0)
        {
            yield return new Problem(
                Checks.WekaAgent,
                "these nodes must mount WEKA (weka_mount_state: mounted) but lack the WEKA client",
                noClient,
                "install the WEKA client from a backend (`curl http://BACKEND:14000/dist/v1/install | sh`), or set weka_mount_state: present to write only the fstab entry");
        }
    }

    private static HostIssue? RemoteCores(PreflightHost host)
    {
        if (host.Expect is not { WekaCores: { Count: > 0 } cores, WekaNic: { } nic } ||
            host.Facts.Nics.GetValueOrDefault(nic) is not { Exists: true, LocalCpus: { } localText } fact)
        {
            return null;
        }

        var local = CpuList.Parse(localText);
        var off = cores.Where(c => !local.Contains((int)c)).ToList();
        if (off.Count == 0)
        {
            return null;
        }

        var node = fact.NumaNode is { } n ? $"NUMA node {n}" : "its NUMA node";
        return new HostIssue(host.Name, $"weka_cores {string.Join(",", off)} are not on {nic}'s {node} (its CPUs: {localText})");
    }
}
