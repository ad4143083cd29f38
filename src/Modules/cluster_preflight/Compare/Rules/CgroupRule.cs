using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using HpcWekaSlurm.Slurm.CgroupConf;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare.Rules;

/// <summary>
/// On slurmd nodes: the CgroupPlugin must run on the node's cgroup hierarchy (cgroup/v2 on a v1 or
/// hybrid host is fatal to slurmd), and the controllers task/cgroup needs to keep jobs off WEKA's
/// cores and within their memory (cpuset, memory) must be there.
/// </summary>
public static class CgroupRule
{
    private static readonly string[] Required = ["cpuset", "memory"];

    public static IEnumerable<Problem> Check(PreflightInput input)
    {
        var nodes = input.Hosts.Where(h => h.Expect.Slurmd).ToList();
        var mismatches = nodes
            .Select(h => (Host: h, Mismatch: CgroupHierarchy.PluginProblem(h.Expect.CgroupPlugin, CgroupNames.Parse(h.Facts.Cgroup.Hierarchy))))
            .Where(m => m.Mismatch is not null)
            .GroupBy(m => m.Mismatch!.Fix, StringComparer.Ordinal);
        foreach (var group in mismatches)
        {
            yield return new Problem(
                Checks.CgroupPlugin,
                "the CgroupPlugin does not match the node's cgroup hierarchy: slurmd fails to start",
                [.. group.Select(m => new HostIssue(m.Host.Name, m.Mismatch!.Problem))],
                $"{group.Key}; cluster.yml takes the plugin from slurm_cgroup_plugin");
        }

        var lacking = nodes
            .Select(h => (h.Name, h.Facts.Cgroup, Missing: Required.Except(h.Facts.Cgroup.Controllers).ToList()))
            .Where(n => n.Missing.Count > 0)
            .Select(n => new HostIssue(n.Name, n.Cgroup.Hierarchy == "unknown"
                ? $"no cgroup hierarchy found at {n.Cgroup.Root}"
                : $"cgroup {n.Cgroup.Hierarchy} without the {string.Join(" and ", n.Missing)} controller{(n.Missing.Count > 1 ? "s" : string.Empty)} " +
                  $"(has: {(n.Cgroup.Controllers.Count == 0 ? "none" : string.Join(", ", n.Cgroup.Controllers))})"))
            .ToList();
        if (lacking.Count > 0)
        {
            yield return new Problem(
                Checks.CgroupControllers,
                "task/cgroup needs the cpuset and memory controllers to keep jobs off WEKA's cores and within MemSpecLimit",
                lacking,
                "boot these nodes with the controllers enabled (e.g. without cgroup_disable=memory on the kernel command line) and mounted under /sys/fs/cgroup");
        }
    }
}
