using HpcWekaSlurm.CpuAudit.Tests.Support;

namespace HpcWekaSlurm.CpuAudit.Tests;

/// <summary>Reading `scontrol show node` text, on outputs captured from real Slurm 22.05.</summary>
public class ScontrolShowNodeTests
{
    [Fact]
    public void The_multi_line_form_gives_the_fields_the_audit_uses()
    {
        var node = Captured.Node(Captured.A2CpuSpecList4795);

        Assert.Equal("compute-node-0", node.NodeName);
        Assert.Equal((96, 2, 24, 2), (node.CpuTot, node.Sockets, node.CoresPerSocket, node.ThreadsPerCore));
        Assert.Equal("46-47,94-95", node.CpuSpecList);
        Assert.Equal(2, node.CoreSpecCount);
        Assert.Equal(500, node.MemSpecLimit);
        Assert.Equal(1000, node.RealMemory);
        Assert.Equal("IDLE", node.State);
    }

    [Fact]
    public void The_oneliner_form_reads_the_same_and_values_with_blanks_stay_whole()
    {
        var node = Captured.Node(Captured.GuideAbstractIds);

        Assert.Equal(("cn7", 64, "28-31", 4), (node.NodeName, node.CpuTot, node.CpuSpecList, node.CoreSpecCount));
        Assert.StartsWith("Linux ", node.Fields["OS"]);
        Assert.Contains(" #1 SMP", node.Fields["OS"]);
        Assert.Null(node.MemSpecLimit);
    }

    [Fact]
    public void A_node_without_reservation_has_no_spec_fields()
    {
        var node = Captured.Node(Captured.A2NoSpec);
        Assert.Equal((null, null, null), (node.CpuSpecList, node.CoreSpecCount, node.MemSpecLimit));
    }

    [Fact]
    public void Several_nodes_are_told_apart_by_node_name_or_this_hosts_name()
    {
        var records = ScontrolShowNode.Parse(Captured.Text(Captured.GuideOsIds) + "\n" + Captured.Text(Captured.A2NoSpec));

        Assert.Equal(["cn7", "compute-node-0"], records.Select(r => r.NodeName));
        Assert.Equal("compute-node-0", ScontrolShowNode.Select(records, "compute-node-0", "cn7").NodeName);
        Assert.Equal("cn7", ScontrolShowNode.Select(records, null, "cn7").NodeName);
        var ambiguous = Assert.Throws<AuditException>(() => ScontrolShowNode.Select(records, null, "login"));
        Assert.Equal("scontrol output has several nodes (cn7, compute-node-0) and none is named like this host ('login'): give node_name", ambiguous.Message);
    }

    [Fact]
    public void The_only_node_is_taken_whatever_the_hosts_name_but_a_named_node_must_be_there()
    {
        var records = ScontrolShowNode.Parse(Captured.Text(Captured.GuideOsIds));
        Assert.Equal("cn7", ScontrolShowNode.Select(records, null, "somewhere-else").NodeName);
        var missing = Assert.Throws<AuditException>(() => ScontrolShowNode.Select(records, "cn8", null));
        Assert.Equal("scontrol output has no node 'cn8' (it has: cn7)", missing.Message);
    }

    [Fact]
    public void A_later_field_quoting_a_key_does_not_replace_the_real_one()
    {
        var node = ScontrolShowNode.Parse("NodeName=n1 CPUTot=2 CPUSpecList=1\n   Reason=was CPUSpecList=0 before [root@2026-11-20T10:00:00]").Single();
        Assert.Equal("1", node.CpuSpecList);
        Assert.Equal("was CPUSpecList=0 before [root@2026-11-20T10:00:00]", node.Fields["Reason"]);
    }

    [Theory]
    [InlineData("", "scontrol output is empty")]
    [InlineData("Node cn9 not found", "scontrol output does not start with 'NodeName=' (it starts with 'Node cn9 not found')")]
    public void Text_that_is_not_scontrol_output_is_refused(string text, string expected)
    {
        var e = Assert.Throws<AuditException>(() => ScontrolShowNode.Parse(text));
        Assert.StartsWith(expected, e.Message);
    }

    [Fact]
    public void A_field_that_is_not_a_number_is_named()
    {
        var node = ScontrolShowNode.Parse("NodeName=n1 CPUTot=lots").Single();
        var e = Assert.Throws<AuditException>(() => node.CpuTot);
        Assert.Equal("scontrol output, node n1: CPUTot='lots' is not a number", e.Message);
    }
}
