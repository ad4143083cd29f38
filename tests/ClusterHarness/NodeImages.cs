using System.Collections.Concurrent;

namespace HpcWekaSlurm.ClusterHarness;

/// <summary>
/// The managed-host image and local apt repository of a Debian suite, made ready once per test
/// process by tools/containers/prepare.sh (cached on disk and in Docker, so a warm run costs little
/// and a fresh machine builds them on first use).
/// </summary>
public static class NodeImages
{
    private static readonly ConcurrentDictionary<string, Lazy<Task>> Prepared = new();

    public static string ImageName(string suite) => $"hpc-weka-slurm/node:{suite}";

    public static Task EnsureAsync(string suite) =>
        Prepared.GetOrAdd(suite, s => new Lazy<Task>(() => PrepareAsync(s))).Value;

    private static async Task PrepareAsync(string suite)
    {
        var output = await HostProcess.RunAsync(
            Path.Combine(RepositoryPaths.ContainerTools, "prepare.sh"), [suite], TimeSpan.FromMinutes(20));
        output.EnsureSuccess($"tools/containers/prepare.sh {suite}");
    }
}
