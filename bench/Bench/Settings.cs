using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.Bench;

/// <summary>What `make bench` measures and how often; every knob is an environment variable.</summary>
public sealed record Settings
{
    /// <summary>BENCH_ITERATIONS: timed runs per figure, after one warm-up run (1 = a quick smoke run).</summary>
    public int Iterations { get; init; } = 5;

    /// <summary>BENCH_CLUSTER_ITERATIONS: fresh-cluster converges per playbook (part 3 costs minutes each).</summary>
    public int ClusterIterations { get; init; } = 3;

    /// <summary>BENCH_CLUSTER_WARMUP: untimed rounds (0 or 1) before part 3's timed ones; default 1, 0 for a smoke run (BENCH_ITERATIONS=1).</summary>
    public int ClusterWarmUp { get; init; } = 1;

    /// <summary>
    /// BENCH_CLUSTER_PIPELINING: 1 runs both part 3 playbooks with Ansible pipelining on (part 2's setting), 0 (the
    /// default) with Ansible's default, pipelining off. The fast path runs a compiled module in one remote command either
    /// way, whereas a builtin Python module takes five without pipelining (temp dir, upload, chmod, run, clean-up), so the setting moves the ratios a lot.
    /// </summary>
    public bool ClusterPipelining { get; init; }

    /// <summary>BENCH_TASKS: tasks per playbook in part 2.</summary>
    public int Tasks { get; init; } = 20;

    /// <summary>BENCH_PARTS: which parts to run, e.g. "1,2" (default all three).</summary>
    public IReadOnlySet<int> Parts { get; init; } = new HashSet<int> { 1, 2, 3 };

    /// <summary>BENCH_MODULES: only these modules in parts 1 and 2, e.g. "slurm_conf,munge_key" (default all).</summary>
    public IReadOnlySet<string>? Modules { get; init; }

    public bool Includes(string module) => Modules is null || Modules.Contains(module);

    /// <summary>Where results.md, results.png and the raw data go (bench/).</summary>
    public required string OutputDir { get; init; }

    /// <summary>bench/ in the checkout: args files, task templates, the builtin-only playbook.</summary>
    public required string BenchDir { get; init; }

    /// <summary>The module binaries part 1 measures: those of the installed collection parts 2 and 3 run (else collection/plugins/modules).</summary>
    public required string ModulesDir { get; init; }

    private const string InstalledModules = "ansible_collections/hpc/weka_slurm/plugins/modules";

    public static Settings FromEnvironment(string root)
    {
        var iterations = Number("BENCH_ITERATIONS", 5);
        return new Settings
        {
            Iterations = iterations,
            ClusterIterations = Number("BENCH_CLUSTER_ITERATIONS", Math.Min(iterations, 3)),
            ClusterWarmUp = Environment.GetEnvironmentVariable("BENCH_CLUSTER_WARMUP") switch
            {
                "0" => 0,
                "1" => 1,
                _ => iterations > 1 ? 1 : 0,
            },
            ClusterPipelining = Environment.GetEnvironmentVariable("BENCH_CLUSTER_PIPELINING") switch
            {
                null or "" or "0" => false,
                "1" => true,
                var other => throw new ArgumentException($"BENCH_CLUSTER_PIPELINING must be 0 or 1, got '{other}'"),
            },
            Tasks = Number("BENCH_TASKS", 20),
            Parts = Environment.GetEnvironmentVariable("BENCH_PARTS") is { Length: > 0 } parts
                ? parts.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet()
                : new HashSet<int> { 1, 2, 3 },
            Modules = Environment.GetEnvironmentVariable("BENCH_MODULES") is { Length: > 0 } modules
                ? modules.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToHashSet()
                : null,
            OutputDir = Environment.GetEnvironmentVariable("BENCH_OUTPUT") is { Length: > 0 } output ? output : Path.Combine(root, "bench"),
            BenchDir = Path.Combine(root, "bench"),
            ModulesDir = RepositoryPaths.Collections is { } installed && Directory.Exists(Path.Combine(installed, InstalledModules))
                ? Path.Combine(installed, InstalledModules)
                : Path.Combine(root, "collection", "plugins", "modules"),
        };
    }

    private static int Number(string name, int fallback)
    {
        var text = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, out var value) && value > 0
            ? value
            : throw new ArgumentException($"{name} must be a positive whole number, got '{text}'");
    }
}
