using System.Globalization;
using System.Text;

namespace HpcWekaSlurm.Bench;

/// <summary>Everything one `make bench` run measured, and how it is written out.</summary>
public sealed class Report
{
    public const double SizeGoalMiB = 2.5;
    public const double StartGoalMs = 10;
    public const double BuiltinGoal = 1.0 / 3;
    public const double RawGoal = 2;
    public const double ConvergeGoal = 0.5;
    public const double RerunGoal = 0.4;

    private const double MiB = 1024 * 1024;

    public required Machine Machine { get; init; }

    public required Settings Settings { get; init; }

    public List<BinaryResult>? Binaries { get; set; }

    public TaskResults? Tasks { get; set; }

    public ClusterResults? Cluster { get; set; }

    public string LoadAtEnd { get; set; } = string.Empty;

    public static string Mib(long bytes) => (bytes / MiB).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>The whole results.md.</summary>
    public string Markdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmark results");
        md.AppendLine();
        md.AppendLine($"Measured {Machine.Date} on {Machine.Description}.");
        md.AppendLine($"Load average at the start {Machine.Load}, at the end {LoadAtEnd} (a shared machine: compare the ratios, taken side by side in one run, more than the absolute times).");
        md.AppendLine($"Every figure: median (min-max) of {Settings.Iterations} timed runs after a warm-up run" +
                      (Settings.Parts.Contains(3) ? $" ({Settings.ClusterIterations} for the whole cluster, after {Settings.ClusterWarmUp} warm-up round)." : "."));
        md.AppendLine();
        md.Append(GoalsTable());
        if (Binaries is not null)
        {
            md.AppendLine();
            md.Append(BinaryTable());
        }

        if (Tasks is not null)
        {
            md.AppendLine();
            md.Append(TaskTables());
        }

        if (Cluster is not null)
        {
            md.AppendLine();
            md.Append(ClusterTable());
        }

        md.AppendLine();
        md.AppendLine("![chart](results.png)");
        md.AppendLine();
        md.AppendLine("Reproduce with `make bench` (`BENCH_ITERATIONS=1` for a quick smoke run; bench/README.md says what each figure is and how it is taken).");
        return md.ToString();
    }

    /// <summary>The README's "Performance" section: the same tables, one heading level down.</summary>
    public string ReadmeSection()
    {
        var body = Markdown();
        body = body[(body.IndexOf('\n') + 1)..].Replace("\n### ", "\n#### ").Replace("\n## ", "\n### ")
            .Replace("(results.png)", "(bench/results.png)");
        return "## Performance\n" + body.Replace("Reproduce with", "Full results: bench/results.md. Reproduce with");
    }

    /// <summary>One line per goal of issue 7 with where it stands.</summary>
    public string GoalsTable()
    {
        var md = new StringBuilder("| goal | target | measured | met |\n|---|---|---|---|\n");
        if (Binaries?.Where(b => !b.Module.StartsWith('(')).ToList() is { Count: > 0 } modules)
        {
            var binaries = modules.DistinctBy(b => b.Sha256).ToList();
            var small = binaries.Count(b => b.StrippedBytes / MiB <= SizeGoalMiB);
            md.AppendLine($"| binary size (stripped) | <= {SizeGoalMiB} MiB | {Mib(binaries.Min(b => b.StrippedBytes))}-{Mib(binaries.Max(b => b.StrippedBytes))} MiB | " +
                          $"{small} of {binaries.Count} binaries ({modules.Count} modules) |");
            var timed = modules.Where(b => b.StartMs is not null).ToList();
            var fast = timed.Count(b => b.StartMs!.Median <= StartGoalMs);
            md.AppendLine($"| cold start to exit | <= {StartGoalMs} ms | {timed.Min(b => b.StartMs!.Median):0.0}-{timed.Max(b => b.StartMs!.Median):0.0} ms (medians) | {fast} of {timed.Count} modules |");
        }

        if (Tasks is not null)
        {
            var vsBuiltin = TaskRows().Select(r => Tasks.Ratio(r.Hpc, r.BuiltinCell)).OfType<Stats>().ToList();
            var vsRaw = TaskRows().Where(r => r.Run != "install").Select(r => Tasks.Ratio(r.Hpc, r.Raw)).OfType<Stats>().ToList();
            md.AppendLine($"| per task vs builtin module | <= 0.33x | {vsBuiltin.Min(s => s.Median):0.00}-{vsBuiltin.Max(s => s.Median):0.00}x | {vsBuiltin.Count(s => s.Median <= BuiltinGoal)} of {vsBuiltin.Count} cells |");
            md.AppendLine($"| per task vs raw floor | <= {RawGoal}x | {vsRaw.Min(s => s.Median):0.00}-{vsRaw.Max(s => s.Median):0.00}x | {vsRaw.Count(s => s.Median <= RawGoal)} of {vsRaw.Count} cells |");
        }

        if (Cluster is not null)
        {
            foreach (var (step, goal) in new[] { ("converge", ConvergeGoal), ("rerun", RerunGoal) })
            {
                if (Cluster.Ratio(step) is { } ratio)
                {
                    md.AppendLine($"| whole-cluster {step} vs builtin playbook | <= {goal}x | {ratio.Format("0.00")}x | {(ratio.Median <= goal ? "yes" : "no")} |");
                }
            }
        }

        return md.ToString();
    }

    private string BinaryTable()
    {
        var md = new StringBuilder();
        md.AppendLine("## 1. Module binaries");
        md.AppendLine();
        md.AppendLine("Size of the file `make collection` builds and of a `strip --strip-all` copy; cold start is hyperfine's wall time from exec to exit " +
                      "(no shell) on the module's realistic args file (bench/args), peak RSS is GNU time's %M; the target already as wanted (the usual rerun). " +
                      $"Cold start: {Binaries!.First().StartMs?.Runs} runs after 5 warm-up runs; RSS: {Binaries!.First().PeakRssMb?.Runs} runs.");
        md.AppendLine();
        md.AppendLine("| module | size (MiB) | stripped (MiB) | cold start (ms) | peak RSS (MiB) |");
        md.AppendLine("|---|---|---|---|---|");
        var shared = Binaries!.GroupBy(b => b.Sha256).Where(g => g.Count() > 1).ToDictionary(g => g.Key, g => g.Count());
        foreach (var b in Binaries!)
        {
            var note = shared.TryGetValue(b.Sha256, out var n) ? $" (one multi-call binary for {n} modules)" : string.Empty;
            md.AppendLine($"| {b.Module} | {Mib(b.Bytes)}{note} | {Mib(b.StrippedBytes)} | {b.StartMs?.Format("0.0") ?? "-"} | {b.PeakRssMb?.Format("0.0") ?? "-"} |");
        }

        foreach (var b in Binaries.Where(b => b.Problem is not null))
        {
            md.AppendLine();
            md.AppendLine($"{b.Module}: not timed, it fails on bench/args/{b.Module}.json: {b.Problem}");
        }

        return md.ToString();
    }

    /// <summary>One row of part 2: the hpc module cell and what it is compared with.</summary>
    public sealed record TaskRow(string Target, string Module, string Builtin, string Run)
    {
        public TaskCell Hpc => new(Target, Module, "hpc", Run);

        public TaskCell Stock => new(Target, Module, "stock", Run);

        public TaskCell BuiltinCell => new(Target, Module, "builtin", Run);

        public TaskCell Raw => new(Target, "raw", "raw", "unchanged");
    }

    public IEnumerable<TaskRow> TaskRows()
    {
        foreach (var target in new[] { "local", "docker" })
        {
            foreach (var c in TaskCase.All)
            {
                foreach (var run in new[] { "changing", "unchanged", "install" })
                {
                    var row = new TaskRow(target, c.Module, c.Builtin, run);
                    if (Tasks!.Has(row.Hpc))
                    {
                        yield return row;
                    }
                }
            }
        }
    }

    private string TaskTables()
    {
        var md = new StringBuilder();
        md.AppendLine("## 2. Per task");
        md.AppendLine();
        md.AppendLine($"Milliseconds per task: a playbook of {Tasks!.Tasks} tasks of one module (each on its own file), from the start of its first task " +
                      "to the end of its last (the ansible.posix.json callback's times, so ansible-playbook's own start-up is left out), divided by the " +
                      "task count. hpc = the collection's module " +
                      "(fast path: binary cached on the host, args on stdin), stock = the same module on Ansible's stock binary-module path " +
                      "(`hpc_weka_slurm_fast_path: false`), builtin = the builtin module doing the same work, pipelining on, raw = " +
                      "`ansible.builtin.raw: \"true\"` (the floor: one remote command per task). Ratios are taken round by round (side by side).");
        foreach (var target in new[] { "local", "docker" })
        {
            md.AppendLine();
            md.AppendLine(target == "local" ? "### connection local" : "### community.docker.docker, one container");
            md.AppendLine();
            md.AppendLine("| module vs builtin | run | hpc | stock | builtin | raw | hpc / builtin | hpc / raw |");
            md.AppendLine("|---|---|---|---|---|---|---|---|");
            foreach (var row in TaskRows().Where(r => r.Target == target))
            {
                var raw = row.Run == "install" ? null : Tasks.Ratio(row.Hpc, row.Raw);
                md.AppendLine($"| {row.Module} vs {row.Builtin} | {row.Run} | {Ms(row.Hpc)} | {Ms(row.Stock)} | {Ms(row.BuiltinCell)} | " +
                              $"{(row.Run == "install" ? "-" : Ms(row.Raw))} | {Tasks.Ratio(row.Hpc, row.BuiltinCell)?.Format("0.00") ?? "-"} | {raw?.Format("0.00") ?? "-"} |");
            }
        }

        md.AppendLine();
        md.AppendLine("Whole playbooks, wall seconds (ansible-playbook start to exit): " + string.Join("; ", TaskRows().Select(r => r.Target).Distinct().Select(t =>
            $"{t}: raw {Tasks.Wall(new TaskCell(t, "raw", "raw", "unchanged"))?.Format("0.0")}, " +
            $"weka_service_conf rerun hpc {Tasks.Wall(new TaskCell(t, "weka_service_conf", "hpc", "unchanged"))?.Format("0.0")} vs ini_file {Tasks.Wall(new TaskCell(t, "weka_service_conf", "builtin", "unchanged"))?.Format("0.0")}")) + ".");
        md.AppendLine("The installing run of slurm_packages is one task (the compute role: slurm-client, slurmd, munge and their dependencies from the local repository) on a container that has none, so its figure is the whole task.");
        foreach (var note in Tasks.Notes)
        {
            md.AppendLine();
            md.AppendLine("Note: " + note);
        }

        return md.ToString();
    }

    private string Ms(TaskCell cell) => Tasks!.PerTaskMs(cell) is { } ms ? Stats.Of(ms).Format("0") : "-";

    private string ClusterTable()
    {
        var md = new StringBuilder();
        md.AppendLine("## 3. Whole cluster");
        md.AppendLine();
        md.AppendLine("The dedicated scenario (molecule/dedicated: controller, login, two compute nodes) on fresh containers, created and prepared by " +
                      "the harness as Molecule does; converged with the example playbook (playbooks/dedicated_backend.yml) or with " +
                      "bench/builtin/cluster.yml (builtin, community.general and ansible.posix modules only; same files, packages and services), " +
                      "then the idempotent rerun (changed=0 checked). The scenario's verify playbook passes after both. " +
                      (Settings.ClusterPipelining
                          ? "Both with Ansible pipelining on (BENCH_CLUSTER_PIPELINING=1, as in part 2). Seconds:"
                          : "Both with Ansible's defaults, pipelining off (a builtin module then takes five remote commands: temp dir, upload, chmod, run, clean-up; a compiled module " +
                            "one either way; BENCH_CLUSTER_PIPELINING=1 turns it on for both). Seconds:"));
        md.AppendLine();
        md.AppendLine("| playbook | converge (s) | rerun (s) |");
        md.AppendLine("|---|---|---|");
        foreach (var playbook in new[] { "example", "builtin" })
        {
            md.AppendLine($"| {(playbook == "example" ? "example (hpc.weka_slurm)" : "builtin only")} | {Cluster!.Get(playbook, "converge")?.Format("0.0") ?? "-"} | {Cluster.Get(playbook, "rerun")?.Format("0.0") ?? "-"} |");
        }

        md.AppendLine($"| example / builtin | {Cluster!.Ratio("converge")?.Format("0.00") ?? "-"} | {Cluster.Ratio("rerun")?.Format("0.00") ?? "-"} |");
        foreach (var failure in Cluster.Failures)
        {
            md.AppendLine();
            md.AppendLine("Failed: " + failure.Replace("\n", "\n    "));
        }
        return md.ToString();
    }
}
