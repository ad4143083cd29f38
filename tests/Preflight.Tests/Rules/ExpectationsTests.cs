using System.Text.Json.Nodes;
using HpcWekaSlurm.Modules.ClusterPreflight.Compare;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

/// <summary>The expect dict as playbooks/preflight.yml's set_fact templates it.</summary>
public sealed class ExpectationsTests
{
    [Fact]
    public void Values_templated_as_text_are_read_and_empty_ones_are_not_set()
    {
        // Inside a dict Ansible templates numbers and bools as text, and "{{ x | default(none) }}" as "".
        var expect = JsonNode.Parse("""
            {"slurmd": "True", "accounts": {"slurm": {"uid": "450", "gid": ""}, "munge": {"uid": "", "gid": ""}},
             "real_memory": "", "mem_spec_limit": "5000", "cgroup_plugin": "cgroup/v2", "weka_cores": "", "weka_nic": "", "weka_mount": "False"}
            """);

        var read = HostExpectations.Read(JsonFields.Of(expect, "expect"));

        Assert.True(read.Slurmd);
        Assert.Equal(new AccountIds(450, null), read.Accounts["slurm"]);
        Assert.Equal(new AccountIds(null, null), read.Accounts["munge"]);
        Assert.Null(read.RealMemory);
        Assert.Equal(5000, read.MemSpecLimit);
        Assert.Equal("cgroup/v2", read.CgroupPlugin);
        Assert.Null(read.WekaCores);
        Assert.Null(read.WekaNic);
        Assert.False(read.WekaMount);
    }

    [Fact]
    public void Missing_expectations_check_nothing_beyond_the_facts()
    {
        var read = HostExpectations.Read(null);

        Assert.False(read.Slurmd);
        Assert.Equal("autodetect", read.CgroupPlugin);
        Assert.Empty(read.Accounts);
    }

    [Fact]
    public void Wrong_type_is_reported_with_its_path()
    {
        var error = Assert.Throws<FormatException>(() => HostExpectations.Read(JsonFields.Of(JsonNode.Parse("""{"weka_cores": ["a"]}"""), "hosts.c.expect")));

        Assert.StartsWith("hosts.c.expect.weka_cores", error.Message);
    }
}
