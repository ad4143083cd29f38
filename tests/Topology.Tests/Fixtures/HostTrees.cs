using System.Collections.Concurrent;
using HpcWekaSlurm.Topology.Tests.Oracle;

namespace HpcWekaSlurm.Topology.Tests.Fixtures;

/// <summary>
/// Each described host's tree, written once for the test run and shared: writing a 96-CPU tree
/// takes seconds on a loaded machine. Read-only: a test that edits a tree makes its own FixtureHost.
/// </summary>
public sealed class HostTrees : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<FixtureHost>> _hosts = new();

    public void Dispose()
    {
        foreach (var host in _hosts.Values.Where(h => h.IsValueCreated))
        {
            host.Value.Dispose();
        }
    }

    internal FixtureHost Of(HostDescription description) =>
        _hosts.GetOrAdd(description.Name, _ => new Lazy<FixtureHost>(() => new FixtureHost(description))).Value;
}

/// <summary>
/// One collection for the whole project: the shared trees are written once and disposed by xunit,
/// and the oracle tests start their daemons one case at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TopologyCollection : ICollectionFixture<HostTrees>, ICollectionFixture<MungeFixture>
{
    public const string Name = "topology trees and real slurmd";
}
