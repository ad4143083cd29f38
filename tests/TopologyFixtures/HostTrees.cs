using System.Collections.Concurrent;

namespace HpcWekaSlurm.TopologyFixtures;

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

    public FixtureHost Of(HostDescription description) =>
        _hosts.GetOrAdd(description.Name, _ => new Lazy<FixtureHost>(() => new FixtureHost(description))).Value;
}
