using System.Globalization;
using System.Text;

namespace HpcWekaSlurm.Bench;

/// <summary>results.png: the figures of results.md as gnuplot (Debian's gnuplot-nox) draws them from data files in bench/work.</summary>
public static class Chart
{
    public static async Task DrawAsync(Report report, string benchDir, string outputPng)
    {
        var data = Directory.CreateDirectory(Path.Combine(benchDir, "work")).FullName;
        var sb = new StringBuilder("module size_mib start_ms\n");
        foreach (var b in report.Binaries?.Where(b => !b.Module.StartsWith('(')) ?? [])
        {
            sb.AppendLine(Invariant($"{b.Module} {b.StrippedBytes / 1048576.0:0.000} {b.StartMs?.Median ?? double.NaN:0.00}"));
        }

        await File.WriteAllTextAsync(Path.Combine(data, "binaries.dat"), sb.ToString());

        foreach (var target in new[] { "local", "docker" })
        {
            sb = new StringBuilder("cell hpc stock builtin raw\n");
            if (report.Tasks is { } tasks)
            {
                foreach (var row in report.TaskRows().Where(r => r.Target == target && r.Run != "install"))
                {
                    string Median(TaskCell cell) => tasks.PerTaskMs(cell) is { } ms ? Invariant($"{Stats.Of(ms).Median:0.0}") : "NaN";
                    sb.AppendLine($"{row.Module}/{(row.Run == "changing" ? "change" : "rerun")} {Median(row.Hpc)} {Median(row.Stock)} {Median(row.BuiltinCell)} {Median(row.Raw)}");
                }
            }

            await File.WriteAllTextAsync(Path.Combine(data, $"tasks-{target}.dat"), sb.ToString());
        }

        sb = new StringBuilder("step example builtin\n");
        foreach (var step in new[] { "converge", "rerun" })
        {
            string Median(string playbook) => report.Cluster?.Get(playbook, step) is { } s ? Invariant($"{s.Median:0.0}") : "NaN";
            sb.AppendLine($"{step} {Median("example")} {Median("builtin")}");
        }

        await File.WriteAllTextAsync(Path.Combine(data, "cluster.dat"), sb.ToString());

        await Shell.RunAsync("gnuplot", [
            "-e", $"datadir='{data}'; output='{outputPng}'; stamp='{report.Machine.Date}'; " +
                  Invariant($"size_goal={Report.SizeGoalMiB}; start_goal={Report.StartGoalMs}; ") +
                  $"parts='{(report.Binaries is null ? "" : "1")}{(report.Tasks is null ? "" : "2")}{(report.Cluster?.Get("example", "converge") is null || report.Cluster.Get("builtin", "converge") is null ? "" : "3")}'",
            Path.Combine(benchDir, "chart.gp"),
        ]);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
