using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.Bench;

/// <summary>
/// make bench: part 1 (module binaries), part 2 (per task against the builtin modules), part 3 (whole
/// cluster against a builtin-only playbook). Writes bench/results.md, bench/results.png and
/// bench/README-section.md (the README's Performance section). Settings: see <see cref="Settings"/>.
/// </summary>
public static class Program
{
    public static async Task<int> Main()
    {
        var settings = Settings.FromEnvironment(RepositoryPaths.Root);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        void Log(string line) => Console.WriteLine($"[{clock.Elapsed:hh\\:mm\\:ss}] {line}");

        var report = new Report { Machine = await Machine.DescribeAsync(), Settings = settings };
        Log($"bench: parts {string.Join(",", settings.Parts.Order())}, {settings.Iterations} iterations, {settings.Tasks} tasks; {report.Machine.Description}");
        try
        {
            if (settings.Parts.Contains(1))
            {
                report.Binaries = await BinaryBench.RunAsync(settings, Log);
            }

            if (settings.Parts.Contains(2))
            {
                report.Tasks = await TaskBench.RunAsync(settings, Log);
            }

            if (settings.Parts.Contains(3))
            {
                report.Cluster = await ClusterBench.RunAsync(settings, Log);
            }
        }
        catch (Exception e)
        {
            Console.Error.WriteLine($"bench failed: {e.Message}");
            return 1;
        }

        report.LoadAtEnd = Machine.LoadAverage();
        Directory.CreateDirectory(settings.OutputDir);
        var results = Path.Combine(settings.OutputDir, "results.md");
        await File.WriteAllTextAsync(results, report.Markdown());
        await File.WriteAllTextAsync(Path.Combine(settings.OutputDir, "README-section.md"), report.ReadmeSection());
        await Chart.DrawAsync(report, settings.BenchDir, Path.Combine(settings.OutputDir, "results.png"));
        Log($"wrote {results}, results.png and README-section.md");
        Console.WriteLine();
        Console.WriteLine(report.GoalsTable());
        return 0;
    }
}
