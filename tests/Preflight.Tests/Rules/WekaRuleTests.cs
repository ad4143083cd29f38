using HpcWekaSlurm.Modules.ClusterPreflight.Compare;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class WekaRuleTests
{
    private static Func<PreflightHost, PreflightHost> Nic(NicFact nic) =>
        h => h.WithFacts(f => f with { Nics = new Dictionary<string, NicFact> { ["ib0"] = nic } });

    [Fact]
    public void Missing_data_nic_is_named_with_the_interfaces_the_node_has()
    {
        var input = Nodes.Cluster(Nic(new NicFact(false, null, null, "there is no network interface 'ib0' in /sys/class/net (interfaces: eth0, lo)")));

        var problem = RuleAssert.OnlyProblem(input, Checks.WekaNic, "compute-1");
        Assert.Contains("(interfaces: eth0, lo)", problem.Hosts[0].Detail);
        Assert.Contains("weka_mount_mode: udp", problem.Fix);
    }

    [Fact]
    public void Weka_cores_off_the_nic_numa_node_are_named_with_the_local_cpus()
    {
        var problem = RuleAssert.OnlyProblem(Nodes.Cluster(h => h.WithExpect(e => e with { WekaCores = [23, 47] })), Checks.WekaNuma, "compute-1");

        Assert.Equal("weka_cores 23 are not on ib0's NUMA node 1 (its CPUs: 24-47,72-95)", problem.Hosts[0].Detail);
    }

    [Fact]
    public void Nic_whose_numa_placement_the_kernel_does_not_know_is_not_judged()
    {
        var input = Nodes.Cluster(h => Nic(new NicFact(true, null, null, null))(h).WithExpect(e => e with { WekaCores = [1] }));

        RuleAssert.NoProblem(input);
    }

    [Fact]
    public void Node_that_must_mount_weka_without_the_client_is_named()
    {
        var input = Nodes.Cluster(h => h.WithFacts(f => f with { Weka = new WekaFact(null, null, "/etc/wekaio/service.conf", false) }));

        var problem = RuleAssert.OnlyProblem(input, Checks.WekaAgent, "compute-1");
        Assert.Equal("no weka-agent service (the WEKA client is not installed)", problem.Hosts[0].Detail);
    }

    [Fact]
    public void Node_that_only_writes_fstab_needs_no_client()
    {
        var input = Nodes.Cluster(h => h.WithExpect(e => e with { WekaMount = false })
            .WithFacts(f => f with { Weka = new WekaFact(null, null, "/etc/wekaio/service.conf", false) }));

        RuleAssert.NoProblem(input);
    }
}
