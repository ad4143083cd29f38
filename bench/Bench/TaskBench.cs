using System.Text;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Bench;

/// <summary>One measured playbook: on which connection, which module, which way, which run.</summary>
/// <param name="Way">hpc (the fast path), stock (the fast path off), builtin, or raw.</param>
/// <param name="Run">changing (every task changes its file), unchanged (the rerun), install (packages from nothing).</param>
public sealed record TaskCell(string Target, string Module, string Way, string Run);

/// <summary>Every cell's timings, run by run (index = round): wall time of the playbook, and span of its tasks.</summary>
public sealed class TaskResults
{
    public required int Tasks { get; init; }

    public Dictionary<TaskCell, List<double>> WallSeconds { get; } = [];

    public Dictionary<TaskCell, List<double>> TaskSeconds { get; } = [];

    public List<string> Notes { get; } = [];

    public bool Has(TaskCell cell) => TaskSeconds.ContainsKey(cell);

    public void Add(TaskCell cell, double wall, double tasks)
    {
        (WallSeconds.TryGetValue(cell, out var w) ? w : WallSeconds[cell] = []).Add(wall);
        (TaskSeconds.TryGetValue(cell, out var t) ? t : TaskSeconds[cell] = []).Add(tasks);
    }

    /// <summary>Milliseconds per task, run by run: the span of the tasks over their count; null when not measured.</summary>
    public List<double>? PerTaskMs(TaskCell cell) =>
        TaskSeconds.TryGetValue(cell, out var spans) ? spans.Select(s => s * 1000 / (cell.Run == "install" ? 1 : Tasks)).ToList() : null;

    /// <summary>Per-task time of <paramref name="cell"/> over that of <paramref name="reference"/>, round by round (side by side).</summary>
    public Stats? Ratio(TaskCell cell, TaskCell reference) =>
        PerTaskMs(cell) is { } a && PerTaskMs(reference) is { } b ? Stats.Of(a.Zip(b, (x, y) => x / y).ToList()) : null;

    public Stats? Wall(TaskCell cell) => WallSeconds.TryGetValue(cell, out var times) ? Stats.Of(times) : null;
}

/// <summary>
/// Part 2: N tasks of each module against the builtin module doing the same work, on connection local
/// and on community.docker.docker to one container; the changing run and the unchanged rerun; raw as
/// the floor; the stock binary-module path (fast path off) for contrast. Every cell runs once per round
/// and the rounds go round robin after a warm-up round, so load from elsewhere falls on all cells alike.
/// </summary>
public sealed class TaskBench
{
    private static readonly string[] ModuleWays = ["hpc", "stock", "builtin"];

    private readonly Settings settings;
    private readonly Action<string> log;
    private readonly string work;
    private readonly JsonObject vars;

    private TaskBench(Settings settings, Action<string> log, string work, JsonObject vars)
    {
        this.settings = settings;
        this.log = log;
        this.work = work;
        this.vars = vars;
    }

    public static async Task<TaskResults> RunAsync(Settings settings, Action<string> log)
    {
        var work = Directory.CreateTempSubdirectory("hws-bench-tasks-").FullName;
        try
        {
            var bench = new TaskBench(settings, log, work, Vars(settings, work));
            bench.WritePlaybooks();
            await using var local = new LocalTarget();
            log("part 2: starting the container");
            await using var docker = await DockerTarget.StartAsync();
            // The packages the slurm_packages rerun finds installed (they also bring the munge user).
            await docker.ExecAsync("DEBIAN_FRONTEND=noninteractive apt-get install -y -q slurm-client slurmd munge >/dev/null");
            await local.ExecAsync("getent passwd munge >/dev/null || { echo 'the munge user is missing here: apt-get install munge' >&2; exit 1; }");
            return await bench.RoundsAsync([local, docker]);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private async Task<TaskResults> RoundsAsync(IReadOnlyList<Target> targets)
    {
        var results = new TaskResults { Tasks = settings.Tasks };
        for (var round = 0; round <= settings.Iterations; round++)
        {
            var warmUp = round == 0;
            log($"part 2: round {round} of {settings.Iterations}{(warmUp ? " (warm-up)" : string.Empty)}");
            foreach (var target in targets)
            {
                await target.ExecAsync($"mkdir -p {target.Dir}");
                await TimeAsync(results, warmUp, target, new TaskCell(target.Name, "raw", "raw", "unchanged"), "raw.yml", expectChanged: settings.Tasks);
                foreach (var taskCase in TaskCase.All.Where(c => settings.Includes(c.Module)))
                {
                    await CaseAsync(results, warmUp, target, taskCase);
                }

                if (target is DockerTarget && settings.Includes("slurm_packages"))
                {
                    await InstallAsync(results, warmUp, target);
                }
            }
        }

        return results;
    }

    private async Task CaseAsync(TaskResults results, bool warmUp, Target target, TaskCase taskCase)
    {
        var outputs = new Dictionary<string, string>();
        foreach (var way in ModuleWays)
        {
            var playbook = $"{taskCase.Module}-{(way == "builtin" ? "builtin" : "hpc")}.yml";
            if (taskCase.Reset is { } reset)
            {
                await target.ExecAsync(reset(target.Dir, settings.Tasks));
                await TimeAsync(results, warmUp, target, new TaskCell(target.Name, taskCase.Module, way, "changing"), playbook, settings.Tasks, way);
                if (warmUp)
                {
                    outputs[way] = await target.ExecAsync(
                        $"cd {target.Dir} && for f in {taskCase.Files}; do printf '%s %s ' \"$f\" \"$(stat -c %U:%G:%a \"$f\")\"; sha256sum <\"$f\"; done");
                }
            }

            await TimeAsync(results, warmUp, target, new TaskCell(target.Name, taskCase.Module, way, "unchanged"), playbook, expectChanged: 0, way);
        }

        if (outputs.Count > 0 && outputs["hpc"] != outputs["builtin"])
        {
            results.Notes.Add($"{target.Name} {taskCase.Module}: the files the builtin tasks leave differ from the module's " +
                              $"(owner:group:mode sha256)\n  module:  {outputs["hpc"].Replace("\n", "\n           ")}\n  builtin: {outputs["builtin"].Replace("\n", "\n           ")}");
        }
    }

    /// <summary>The installing run of slurm_packages vs apt: one task, the compute role's packages on a container that has none.</summary>
    private async Task InstallAsync(TaskResults results, bool warmUp, Target target)
    {
        foreach (var way in new[] { "hpc", "builtin" })
        {
            await target.ExecAsync(
                "export DEBIAN_FRONTEND=noninteractive; apt-get purge -y -q slurm-client slurmd munge >/dev/null && apt-get autoremove --purge -y -q >/dev/null");
            await TimeAsync(results, warmUp, target, new TaskCell(target.Name, "slurm_packages", way, "install"), $"install-{way}.yml", expectChanged: 1, way);
        }
    }

    private async Task TimeAsync(TaskResults results, bool warmUp, Target target, TaskCell cell, string playbook, int expectChanged, string way = "hpc")
    {
        var extra = (JsonObject)vars.DeepClone();
        extra["bench_dir"] = target.Dir;
        extra["hpc_weka_slurm_fast_path"] = way != "stock";
        extra["hpc_weka_slurm_cache_dir"] = target.Dir + "/.cache";
        var (wall, tasks, run) = await target.RunAsync(Path.Combine(work, playbook), extra, pipelining: true);
        var changed = run.Recap.GetValueOrDefault(target.Host)?.Changed;
        if (changed != expectChanged)
        {
            throw new InvalidOperationException($"{cell}: expected changed={expectChanged}, got {changed}\n{run}");
        }

        if (!warmUp)
        {
            results.Add(cell, wall, tasks);
        }
    }

    /// <summary>Variables of every playbook: slurm.conf's content (bench/args/slurm_conf.json), the munge key both ways.</summary>
    private static JsonObject Vars(Settings settings, string work)
    {
        var slurmConf = JsonNode.Parse(File.ReadAllText(Path.Combine(settings.BenchDir, "args", "slurm_conf.json")))!;
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024);
        var keyFile = Path.Combine(work, "munge.key");
        File.WriteAllBytes(keyFile, key);
        return new JsonObject
        {
            ["slurm_settings"] = slurmConf["settings"]!.DeepClone(),
            ["slurm_nodes"] = slurmConf["nodes"]!.DeepClone(),
            ["slurm_partitions"] = slurmConf["partitions"]!.DeepClone(),
            ["bench_templates"] = Path.Combine(settings.BenchDir, "tasks", "templates"),
            ["munge_key_file"] = keyFile,
            ["munge_key_b64"] = Convert.ToBase64String(key),
        };
    }

    private void WritePlaybooks()
    {
        Write("raw.yml", Enumerable.Repeat(TaskCase.RawTask, settings.Tasks));
        foreach (var taskCase in TaskCase.All)
        {
            Write($"{taskCase.Module}-hpc.yml", Enumerable.Range(1, settings.Tasks).Select(taskCase.HpcTask));
            Write($"{taskCase.Module}-builtin.yml", Enumerable.Range(1, settings.Tasks).Select(taskCase.BuiltinTask));
        }

        var packages = TaskCase.All.Single(c => c.Module == "slurm_packages");
        Write("install-hpc.yml", [packages.HpcTask(1)]);
        Write("install-builtin.yml", [packages.BuiltinTask(1)]);
    }

    private void Write(string name, IEnumerable<string> tasks)
    {
        var text = new StringBuilder("- hosts: all\n  gather_facts: false\n  tasks:");
        var list = tasks.ToList();
        text.Append('\n');
        for (var i = 0; i < list.Count; i++)
        {
            text.Append($"    - name: task {i + 1}\n      {list[i]}\n");
        }

        File.WriteAllText(Path.Combine(work, name), text.ToString());
    }
}
