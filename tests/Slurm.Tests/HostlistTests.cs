namespace HpcWekaSlurm.Slurm.Tests;

public class HostlistTests
{
    [Theory]
    [InlineData("cn[001-003]", "cn001,cn002,cn003")]
    [InlineData("gpu01,gpu02", "gpu01,gpu02")]
    [InlineData("n[1-2,5],x", "n1,n2,n5,x")]
    [InlineData("rack[1-2]-n[1-2]", "rack1-n1,rack1-n2,rack2-n1,rack2-n2")]
    [InlineData("n[8-10]", "n8,n9,n10")]
    public void Expand_follows_Slurm_host_list_syntax(string list, string hosts)
    {
        Assert.Equal(hosts.Split(','), Hostlist.Expand(list));
    }

    [Fact]
    public void A_list_naming_more_hosts_than_any_cluster_has_is_refused_before_it_is_built()
    {
        Assert.Contains("more than", Assert.Throws<FormatException>(() => Hostlist.Expand("a[1-99999]b[1-99999]")).Message);
    }

    [Theory]
    [InlineData("n[1-")]
    [InlineData("n[3-1]")]
    [InlineData("n]1[")]
    public void Expand_refuses_malformed_lists(string list)
    {
        Assert.Throws<FormatException>(() => Hostlist.Expand(list));
    }

    [Theory]
    [InlineData("cn001,cn002,cn004", "cn[001-002,004]")]
    [InlineData("n9,n10", "n9,n10")]
    [InlineData("login", "login")]
    public void Compress_merges_runs_of_the_same_prefix_and_width(string hosts, string list)
    {
        Assert.Equal(list, Hostlist.Compress(hosts.Split(',')));
    }

    [Fact]
    public void Different_spellings_of_the_same_hosts_are_the_same_hosts()
    {
        Assert.True(Hostlist.SameHosts("gpu0[1-2]", "gpu01,gpu02"));
        Assert.False(Hostlist.SameHosts("gpu0[1-2]", "gpu01"));
    }
}
