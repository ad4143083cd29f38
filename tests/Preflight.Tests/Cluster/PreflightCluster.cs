using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.Preflight.Tests.Cluster;

/// <summary>
/// Three containers prepared as the rollout's first play leaves them: slurm and munge accounts with
/// the example inventory's ids (450/451), munge and slurmd installed from the local repository,
/// and one munge key everywhere (the controller's). Tests change one node and put it back.
/// </summary>
public sealed class PreflightCluster : IAsyncLifetime
{
    public static readonly string[] Nodes = ["controller", "compute-0", "compute-1"];

    private ClusterHarness.Cluster? cluster;

    public ClusterHarness.Cluster Cluster => cluster ?? throw new InvalidOperationException("the cluster is not started");

    public async Task InitializeAsync()
    {
        cluster = await ClusterHarness.Cluster.StartAsync(new ClusterOptions
        {
            Nodes = [new NodeSpec("controller", "slurm_controller"), new NodeSpec("compute-0", "slurm_compute"), new NodeSpec("compute-1", "slurm_compute")],
        });
        await Task.WhenAll(Nodes.Select(n => cluster.ExecOkAsync(n, """
            set -e
            groupadd -r -g 450 slurm && useradd -r -u 450 -g 450 -d /nonexistent -s /usr/sbin/nologin slurm
            groupadd -r -g 451 munge && useradd -r -u 451 -g 451 -d /nonexistent -s /usr/sbin/nologin munge
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q munge slurmd >/dev/null
            """)));
        var key = (await cluster.ExecOkAsync("controller", "base64 -w0 /etc/munge/munge.key")).Stdout.Trim();
        await Task.WhenAll(Nodes.Skip(1).Select(n => cluster.ExecOkAsync(n, $"echo {key} | base64 -d > /etc/munge/munge.key")));
    }

    public async Task DisposeAsync()
    {
        if (cluster is not null)
        {
            await cluster.DisposeAsync();
        }
    }
}
