namespace HpcWekaSlurm.ClusterHarness;

/// <summary>
/// Removes containers and networks left by test processes that died before disposing their cluster
/// (no resource reaper here: Ryuk needs a registry). Resources of live processes, or of processes in
/// another PID namespace, are never touched.
/// </summary>
internal static class Leftovers
{
    private static readonly Lazy<Task> Once = new(ReapAsync);

    public static Task ReapOnceAsync() => Once.Value;

    private static async Task ReapAsync()
    {
        var containers = await OrphansAsync(["ps", "-a"]);
        if (containers.Count > 0)
        {
            await DockerAsync(["rm", "-f", .. containers]);
        }

        var networks = await OrphansAsync(["network", "ls"]);
        if (networks.Count > 0)
        {
            await DockerAsync(["network", "rm", .. networks]);
        }
    }

    private static async Task<List<string>> OrphansAsync(string[] list)
    {
        var output = await DockerAsync([.. list, "--filter", $"label={ClusterLabels.Owner}",
            "--format", $"{{{{.ID}}}} {{{{.Label \"{ClusterLabels.Owner}\"}}}}"]);
        return output.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' ', 2))
            .Where(f => f.Length == 2 && ClusterLabels.OwnerIsGone(f[1]))
            .Select(f => f[0])
            .ToList();
    }

    private static async Task<CommandOutput> DockerAsync(string[] args) =>
        (await HostProcess.RunAsync("docker", args, TimeSpan.FromMinutes(2))).EnsureSuccess($"docker {string.Join(' ', args)}");
}
