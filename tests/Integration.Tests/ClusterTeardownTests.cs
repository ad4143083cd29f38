using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.Integration.Tests;

public sealed class ClusterTeardownTests
{
    [Fact]
    public async Task Disposing_a_cluster_removes_its_containers_and_its_network()
    {
        var cluster = await Cluster.StartAsync(new ClusterOptions
        {
            Nodes = [new NodeSpec("controller"), new NodeSpec("compute-0")],
            AptUpdate = false,
        });
        var containersBefore = await LabelledAsync(["ps", "-a"], cluster.Id);

        await cluster.DisposeAsync();

        Assert.Equal(2, containersBefore.Length);
        Assert.Empty(await LabelledAsync(["ps", "-a"], cluster.Id));
        Assert.Empty(await LabelledAsync(["network", "ls"], cluster.Id));
    }

    private static async Task<string[]> LabelledAsync(string[] list, string clusterId)
    {
        var output = await HostProcess.RunAsync(
            "docker", [.. list, "-q", "--filter", $"label={ClusterLabels.Cluster}={clusterId}"], TimeSpan.FromMinutes(1));
        return output.EnsureSuccess("docker " + string.Join(' ', list)).Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
