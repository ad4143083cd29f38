namespace HpcWekaSlurm.Bench;

/// <summary>Where and when the figures were taken: the results quote it, since absolute times vary by machine and load.</summary>
public sealed record Machine(string Date, string Description, string Load)
{
    public static async Task<Machine> DescribeAsync()
    {
        var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU";
        var memKiB = long.Parse(File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        var os = File.ReadLines("/etc/os-release").FirstOrDefault(l => l.StartsWith("PRETTY_NAME=", StringComparison.Ordinal))?.Split('=', 2)[1].Trim('"') ?? "Linux";
        var kernel = (await Shell.RunAsync("uname", ["-r"])).Trim();
        var ansible = (await Shell.RunAsync("ansible", ["--version"])).Split('\n')[0].Trim();
        var docker = await DockerVersionAsync();
        return new Machine(
            DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm 'UTC'"),
            $"{os}, kernel {kernel}, {cpu}, {Environment.ProcessorCount} cores, {memKiB / 1024 / 1024.0:0} GiB; {ansible}; Docker {docker}",
            LoadAverage());
    }

    /// <summary>The engine's version; the engine may not run yet (the harness starts it for part 2).</summary>
    private static async Task<string> DockerVersionAsync()
    {
        try
        {
            return (await Shell.RunAsync("docker", ["version", "--format", "{{.Server.Version}}"])).Trim();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return "(engine not running at the start)";
        }
    }

    /// <summary>The 1/5/15-minute load averages: on a shared machine they say how noisy the run was.</summary>
    public static string LoadAverage() => string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));
}
