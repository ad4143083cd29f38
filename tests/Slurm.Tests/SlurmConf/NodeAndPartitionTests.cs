using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.SlurmConf;
using static HpcWekaSlurm.Slurm.Tests.Fixtures;
using static HpcWekaSlurm.Slurm.Tests.SlurmConf.PlannerHelpers;

namespace HpcWekaSlurm.Slurm.Tests.SlurmConf;

public class NodeAndPartitionTests
{
    [Fact]
    public void A_node_line_is_edited_in_place_by_its_hosts_whatever_their_spelling()
    {
        var plan = Plan(SiteSlurmConf, new SlurmConfRequest { Nodes = [Node("gpu0[1-2]", ("CpuSpecList", "14-15"), ("MemSpecLimit", "5000"))] });

        var line = Assert.Single(ChangedLines(SiteSlurmConf, After(plan))!);
        Assert.Equal("NodeName=gpu01,gpu02 CPUs=16 Gres=gpu:a100:4 CpuSpecList=14-15 MemSpecLimit=5000", line.After);
        Assert.Equal(["CpuSpecList", "MemSpecLimit"], plan.Changes.Select(c => c.Key));
        Assert.All(plan.Changes, c => Assert.Equal("gpu01,gpu02", c.Name));
    }

    [Fact]
    public void An_attribute_on_a_continued_line_is_replaced_where_it_is()
    {
        var plan = Plan(SiteSlurmConf, new SlurmConfRequest { Nodes = [Node("cn[005-008]", ("RealMemory", "120000"))] });

        Assert.Equal(SiteSlurmConf.Replace("RealMemory=128000   # the big ones", "RealMemory=120000   # the big ones", StringComparison.Ordinal), After(plan));
    }

    [Fact]
    public void Hosts_of_one_line_that_get_different_settings_split_the_line_keeping_its_attributes()
    {
        var plan = Plan(SiteSlurmConf, new SlurmConfRequest { Nodes = [Node("cn003", ("CpuSpecList", "15"))] });

        Assert.Contains("NodeName=cn[001-002,004]\tCPUs=16 Feature=ib\nNodeName=cn003\tCPUs=16 Feature=ib CpuSpecList=15\n", After(plan));
        Assert.Equal(new ConfChange("node", "cn003", "CpuSpecList", null, "15"), Assert.Single(plan.Changes));
    }

    [Fact]
    public void Splitting_an_unterminated_last_line_keeps_the_parts_on_their_own_lines()
    {
        var plan = Plan("NodeName=n[1-2] CPUs=2", new SlurmConfRequest { Nodes = [Node("n2", ("Weight", "5"))] });

        Assert.Equal("NodeName=n1 CPUs=2\nNodeName=n2 CPUs=2 Weight=5", After(plan));
    }

    [Fact]
    public void A_node_on_no_line_gets_a_new_line_after_the_last_node_line()
    {
        var plan = Plan(SiteSlurmConf, new SlurmConfRequest { Nodes = [Node("cn[009-010]", ("CPUs", "16"), ("Feature", "ib"))] });

        Assert.Contains("Gres=gpu:a100:4\nNodeName=cn[009-010] CPUs=16 Feature=ib\n\nPartitionName=DEFAULT", After(plan));
        Assert.Equal(new ConfChange("node", "cn[009-010]", null, null, "cn[009-010]"), Assert.Single(plan.Changes));
    }

    [Fact]
    public void Exclusive_nodes_removes_unnamed_lines_and_narrows_ranges()
    {
        var plan = Plan(SiteSlurmConf, new SlurmConfRequest
        {
            Nodes = [Node("cn[001-003]"), Node("cn[005-008]"), Node("gpu01"), Node("gpu02")],
            ExclusiveNodes = true,
            Partitions = [new LineSpec("batch", [Set("Nodes", "cn[001-003,005-008]")])],
        });

        var after = After(plan);
        Assert.Contains("NodeName=cn[001-003]\tCPUs=16 Feature=ib\n", after);
        Assert.DoesNotContain("cn004", after.Replace("cn[001-004]", string.Empty, StringComparison.Ordinal));
        Assert.Contains("NodeName=gpu01,gpu02 CPUs=16", after);
        Assert.Contains(new ConfChange("node", "cn004", null, "cn004", null), plan.Changes);
        Assert.Empty(plan.Errors);
    }

    [Fact]
    public void Removing_a_node_a_partition_still_names_is_an_error_naming_both()
    {
        var plan = Plan(SiteSlurmConf.Replace("include /etc/slurm/accounting.conf\n", string.Empty, StringComparison.Ordinal),
            new SlurmConfRequest { Nodes = [Node("cn[001-008]")], ExclusiveNodes = true });

        Assert.Contains(plan.Errors, e => e.Contains("partition gpu", StringComparison.Ordinal) && e.Contains("gpu[01-02]", StringComparison.Ordinal));
    }

    [Fact]
    public void A_node_given_twice_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => Plan(SiteSlurmConf, new SlurmConfRequest { Nodes = [Node("cn[001-002]"), Node("cn002")] }));

        Assert.Contains("node cn002 is given twice", error.Message);
    }

    [Fact]
    public void A_line_whose_NodeAddr_lists_one_address_per_host_is_not_split()
    {
        var text = "NodeName=n[1-2] NodeAddr=10.0.0.[1-2] CPUs=2\n";

        var error = Assert.Throws<ArgumentException>(() => Plan(text, new SlurmConfRequest { Nodes = [Node("n1", ("Weight", "5"))] }));

        Assert.Contains("NodeAddr", error.Message);
    }

    [Fact]
    public void NodeName_DEFAULT_is_edited_where_it_is()
    {
        var plan = Plan(SiteSlurmConf, new SlurmConfRequest { Nodes = [Node("DEFAULT", ("RealMemory", "60000"))] });

        Assert.Equal("NodeName=DEFAULT Sockets=2 CoresPerSocket=4 ThreadsPerCore=2 RealMemory=60000 State=UNKNOWN", Assert.Single(ChangedLines(SiteSlurmConf, After(plan))!).After);
    }

    [Fact]
    public void A_whole_node_line_from_slurm_node_facts_is_accepted()
    {
        var spec = LineSpec.FromLine("NodeName=gpu01 CPUs=16 RealMemory=64000 MemSpecLimit=5000 CpuSpecList=14-15", "NodeName", ConfDialect.SlurmConf);

        Assert.Equal("gpu01", spec.Name);
        Assert.Equal(["CPUs", "RealMemory", "MemSpecLimit", "CpuSpecList"], spec.Attributes.Select(a => a.Key));
        Assert.Throws<ArgumentException>(() => LineSpec.FromLine("PartitionName=x", "NodeName", ConfDialect.SlurmConf));
    }

    [Fact]
    public void Partitions_are_edited_by_name_added_after_the_last_one_and_removed_when_exclusive()
    {
        var plan = Plan(SiteSlurmConf, new SlurmConfRequest
        {
            Partitions = [new LineSpec("batch", [Set("MaxTime", "1-00:00:00")]), new LineSpec("debug", [Set("Nodes", "cn001")])],
            ExclusivePartitions = true,
        });

        var after = After(plan);
        Assert.EndsWith("PartitionName=batch Nodes=cn[001-008] Default=YES MaxTime=1-00:00:00\nPartitionName=debug Nodes=cn001\n", after);
        Assert.Contains("PartitionName=DEFAULT MaxTime=INFINITE State=UP\n", after);
        Assert.Contains(new ConfChange("partition", "gpu", null, "gpu", null), plan.Changes);
    }

    [Fact]
    public void Planning_the_result_again_changes_nothing()
    {
        var request = new SlurmConfRequest
        {
            Settings = [Set("SlurmctldParameters", "enable_configless"), Set("MpiDefault", null)],
            Nodes = [Node("cn003", ("CpuSpecList", "15")), Node("cn[011-012]", ("CPUs", "16"))],
            Partitions = [new LineSpec("debug", [Set("Nodes", "cn[011-012]")])],
        };
        var first = Plan(SiteSlurmConf, request);

        var second = SlurmConfPlanner.Plan(first.After, request);

        Assert.False(second.Changed);
        Assert.Empty(second.Changes);
    }
}
