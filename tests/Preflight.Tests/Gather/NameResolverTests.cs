using HpcWekaSlurm.Modules.ClusterPreflight.Gather;

namespace HpcWekaSlurm.Preflight.Tests.Gather;

/// <summary>Controller names resolved through this host's real resolver (getaddrinfo: /etc/hosts first).</summary>
public class NameResolverTests
{
    [Fact]
    public void Each_name_is_resolved_once_with_its_addresses_and_a_refused_name_says_why()
    {
        var facts = NameResolver.Resolve(["localhost", "127.0.0.1", "localhost", "0"]);

        Assert.Equal(["localhost", "127.0.0.1", "0"], facts.Keys);
        Assert.True(facts["localhost"].Resolved);
        Assert.Contains("127.0.0.1", facts["localhost"].Addresses);
        Assert.Equal(["127.0.0.1"], facts["127.0.0.1"].Addresses);
        Assert.False(facts["0"].Resolved);
        Assert.Equal("not a valid host name or address", facts["0"].Error);
    }
}
