using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.Integration.Tests;

/// <summary>
/// xunit fixture owning one <see cref="ClusterHarness.Cluster"/>: subclass it with the nodes you need and use it
/// as IClassFixture (one cluster per test class) or ICollectionFixture (one per collection).
/// </summary>
public abstract class ClusterFixture : IAsyncLifetime
{
    private Cluster? cluster;

    public Cluster Cluster => cluster ?? throw new InvalidOperationException("the cluster is not started");

    protected abstract ClusterOptions Options { get; }

    public async Task InitializeAsync() => cluster = await Cluster.StartAsync(Options);

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
