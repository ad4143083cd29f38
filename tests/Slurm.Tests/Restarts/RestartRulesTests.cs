using HpcWekaSlurm.Slurm.Restarts;
using HpcWekaSlurm.Slurm.SlurmConf;
using HpcWekaSlurm.Slurm.Versions;
using static HpcWekaSlurm.Slurm.Tests.SlurmConf.PlannerHelpers;

namespace HpcWekaSlurm.Slurm.Tests.Restarts;

public class RestartRulesTests
{
    private const string Base =
        "SelectType=select/cons_tres\nSelectTypeParameters=CR_Core_Memory\nTaskPlugin=task/cgroup\nSchedulerParameters=bf_continue\n" +
        "NodeName=c1 CPUs=4 RealMemory=8000\nPartitionName=p Nodes=c1\n";

    private static RestartDecision Decide(VersionRules rules, SlurmConfRequest request) => Plan(Base, request with { Rules = rules }).Restart;

    private static readonly RestartStep[] Careful = [new("slurmd", "stopped"), new("slurmctld", "restarted"), new("slurmd", "started")];

    [Fact]
    public void No_change_needs_nothing()
    {
        var decision = Decide(Slurm2205, new SlurmConfRequest { Settings = [Set("SelectType", "select/cons_tres")] });

        Assert.Equal(RestartDecision.Nothing, decision);
    }

    [Fact]
    public void Most_keys_apply_with_scontrol_reconfigure()
    {
        var decision = Decide(Slurm2205, new SlurmConfRequest { Settings = [Set("SchedulerParameters", "bf_continue,bf_max_job_test=500")] });

        Assert.True(decision.ReconfigureSufficient);
        Assert.Empty(decision.RestartRequired);
        Assert.Empty(decision.Sequence);
    }

    [Fact]
    public void SelectType_on_22_05_restarts_slurmctld_then_slurmd_without_the_careful_sequence()
    {
        var decision = Decide(Slurm2205, new SlurmConfRequest { Settings = [Set("SelectType", "select/linear")] });

        Assert.False(decision.ReconfigureSufficient);
        Assert.Equal(["slurmctld", "slurmd"], decision.RestartRequired);
        Assert.Empty(decision.Sequence);
        Assert.Contains("SelectType select/cons_tres -> select/linear", Assert.Single(decision.Reasons));
    }

    [Fact]
    public void SelectType_on_24_05_is_applied_by_reconfigure_but_ports_and_AuthType_still_restart()
    {
        Assert.True(Decide(Slurm2405, new SlurmConfRequest { Settings = [Set("SelectType", "select/linear")] }).ReconfigureSufficient);
        Assert.Equal(["slurmctld"], Decide(Slurm2405, new SlurmConfRequest { Settings = [Set("SlurmctldPort", "26817")] }).RestartRequired);
        Assert.Equal(["slurmctld", "slurmd"], Decide(Slurm2411, new SlurmConfRequest { Settings = [Set("AuthType", "auth/slurm")] }).RestartRequired);
    }

    [Fact]
    public void Enabling_configless_restarts_slurmctld_before_24_05()
    {
        var decision = Decide(Slurm2205, new SlurmConfRequest { Settings = [Set("SlurmctldParameters", "enable_configless")] });

        Assert.Equal(["slurmctld"], decision.RestartRequired);
    }

    [Theory]
    [InlineData("CpuSpecList", "3")]
    [InlineData("MemSpecLimit", "1000")]
    [InlineData("CPUs", "2")]
    public void Respecialising_a_node_before_24_11_needs_slurmd_stopped_while_slurmctld_restarts(string key, string value)
    {
        var decision = Decide(Slurm2405, new SlurmConfRequest { Nodes = [Node("c1", (key, value))] });

        Assert.Equal(["slurmctld", "slurmd"], decision.RestartRequired);
        Assert.Equal(Careful, decision.Sequence);
        Assert.False(decision.ReconfigureSufficient);
    }

    [Fact]
    public void Adding_or_removing_a_node_before_24_11_needs_the_careful_sequence_too()
    {
        var added = Decide(Slurm2205, new SlurmConfRequest { Nodes = [Node("c2", ("CPUs", "4"))] });

        Assert.Equal(Careful, added.Sequence);
        Assert.Contains("node c2 added", Assert.Single(added.Reasons));
    }

    [Fact]
    public void Node_changes_on_24_11_are_applied_by_reconfigure()
    {
        var decision = Decide(Slurm2411, new SlurmConfRequest { Nodes = [Node("c1", ("CpuSpecList", "3")), Node("c2", ("CPUs", "4"))] });

        Assert.True(decision.ReconfigureSufficient);
        Assert.Empty(decision.Sequence);
    }

    [Fact]
    public void Node_features_and_partitions_apply_with_reconfigure_on_every_release()
    {
        var decision = Decide(Slurm2205, new SlurmConfRequest
        {
            Nodes = [Node("c1", ("Features", "weka"))],
            Partitions = [new HpcWekaSlurm.Slurm.Config.LineSpec("p", [Set("MaxTime", "60")])],
        });

        Assert.True(decision.ReconfigureSufficient);
    }

    [Fact]
    public void An_unknown_release_gets_the_rules_that_restart_more()
    {
        var decision = Decide(new VersionRules(null), new SlurmConfRequest { Nodes = [Node("c1", ("CpuSpecList", "3"))] });

        Assert.Equal(Careful, decision.Sequence);
        Assert.Contains("Slurm version unknown", Assert.Single(decision.Reasons));
    }
}
