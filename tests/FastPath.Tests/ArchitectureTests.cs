using System.Security.Cryptography;
using FastPath.Tests.Harness;

namespace FastPath.Tests;

/// <summary>
/// Each host gets the build for its own architecture (uname -m), on the fast path and the stock path
/// alike; an architecture without a build fails the task naming it and the built ones. x86_64 is this
/// machine; aarch64 and riscv64 are stand-ins (see <see cref="ArchitectureStandIn"/>).
/// </summary>
[Collection(AnsibleCollection.Name)]
public sealed class ArchitectureTests
{
    private const string Binary = "hpc_weka_slurm";

    public static TheoryData<string> BuiltArchitectures => ["x86_64", "aarch64"];

    public static TheoryData<bool> FastPathOnAndOff => [true, false];

    [Fact]
    public void X86_64_host_caches_and_runs_the_x86_64_build_on_the_fast_path()
    {
        using var target = new LocalTarget();
        AssertFastPathRunsBuildOf("x86_64", target);
    }

    [Fact]
    public void Aarch64_host_stand_in_under_qemu_caches_and_runs_the_aarch64_build_on_the_fast_path()
    {
        using var target = new ArchitectureStandIn("aarch64");
        AssertFastPathRunsBuildOf("aarch64", target);
    }

    [Fact]
    public void X86_64_host_on_the_stock_path_gets_the_x86_64_build_and_is_asked_uname_once()
    {
        using var target = new LocalTarget();
        var run = RunStock(target);

        Assert.All(run.Tasks, t => Assert.DoesNotContain("stock module execution uploads the", t.Text));
        Assert.All(run.Tasks, t => Assert.Contains(t.Puts, p => p.Contains($"{BuildOf("x86_64")} TO ", StringComparison.Ordinal)
                                                             && p.Contains($"/AnsiballZ_{Cache.Module}", StringComparison.Ordinal)));
        AssertStockRan("x86_64", target, run);
    }

    [Fact]
    public void Aarch64_host_stand_in_under_qemu_on_the_stock_path_gets_the_aarch64_build_under_the_module_name()
    {
        using var target = new ArchitectureStandIn("aarch64");
        var run = RunStock(target);

        foreach (var task in run.Tasks)
        {
            Assert.Contains($"stock module execution uploads the aarch64 build {BuildOf("aarch64")}", task.Text);
            Assert.Contains(task.Puts, p => p.Contains($"{BuildOf("aarch64")} TO ", StringComparison.Ordinal)
                                            && p.Contains($"/AnsiballZ_{Cache.Module}", StringComparison.Ordinal));
        }

        AssertStockRan("aarch64", target, run);
    }

    [Theory]
    [MemberData(nameof(FastPathOnAndOff))]
    public void Riscv64_host_stand_in_fails_naming_its_architecture_and_the_built_ones(bool fastPath)
    {
        using var target = new ArchitectureStandIn("riscv64");
        var run = Playbook.Run(target, Cache.ServiceConfTask("unbuilt"), vars: $"hpc_weka_slurm_fast_path={fastPath}");

        var task = run.Task("unbuilt");
        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("fatal: [target]: FAILED!", task.Text);
        Assert.Equal("hpc.weka_slurm.weka_service_conf has no build for this host's architecture 'riscv64' (built for: aarch64, x86_64)",
            task.Result["msg"]!.GetValue<string>());
        Assert.Empty(task.Puts);
        Assert.Empty(task.Uploads);
        Assert.Empty(target.List(target.RootCacheDir));
        Assert.Empty(target.List(target.Scratch));
    }

    /// <summary>Two tasks on the fast path: the first caches ARCH's build and runs it, the second runs it in one command.</summary>
    private static void AssertFastPathRunsBuildOf(string arch, Target target)
    {
        var run = Playbook.Run(target, Cache.ServiceConfTask("first") + "\n" + Cache.ServiceConfTask("second")).EnsureSuccess();

        Assert.Single(run.Task("first").Uploads);
        Assert.Contains($"caching {Binary} for {arch} ({BuildOf(arch)}, sha256 {Sha256(BuildOf(arch))})", run.Task("first").Text);
        Assert.True(run.Task("first").Result["changed"]!.GetValue<bool>());
        Assert.Single(run.Task("second").Commands);
        Assert.False(run.Task("second").Result["changed"]!.GetValue<bool>());
        Assert.Equal([$"{Binary}.{arch}.{Sha256(BuildOf(arch))}"], target.List(target.RootCacheDir));
        Assert.Equal("isolate_cpusets=false\n", target.Shell($"cat {target.Scratch}/service.conf"));
    }

    /// <summary>The same module task with the fast path off, twice, then as an async task (always the stock path).</summary>
    private static PlaybookRun RunStock(Target target) =>
        Playbook.Run(target, string.Join('\n',
            Cache.ServiceConfTask("first"),
            Cache.ServiceConfTask("second", settings: "{isolate_cpusets: true}"),
            Cache.ServiceConfTask("async", settings: "{isolate_cpusets: false}") + "\n  async: 60\n  poll: 1"),
            vars: "hpc_weka_slurm_fast_path=false").EnsureSuccess();

    /// <summary>Every task ran the module; only the first asked uname -m, the later ones read the fact it left.</summary>
    private static void AssertStockRan(string arch, Target target, PlaybookRun run)
    {
        Assert.Single(run.Task("first").Commands, c => c.Contains("-c 'uname -m ", StringComparison.Ordinal));
        Assert.All(run.Tasks.Skip(1), t => Assert.DoesNotContain(t.Commands, c => c.Contains("uname", StringComparison.Ordinal)));
        Assert.All(run.Tasks, t => Assert.True(t.Result["changed"]!.GetValue<bool>(), t.Text));
        // An async task's result is the one async_status reads back on the host, without the action's facts.
        Assert.All([run.Task("first"), run.Task("second")],
            t => Assert.Equal(arch, t.Result["ansible_facts"]?["hpc_weka_slurm_architecture"]?.GetValue<string>()));
        Assert.Equal("isolate_cpusets=false\n", target.Shell($"cat {target.Scratch}/service.conf"));
        Assert.Empty(target.List(target.RootCacheDir));
    }

    /// <summary>The installed collection's build for an architecture.</summary>
    private static string BuildOf(string arch) => Path.Combine(Repo.CollectionDir(Repo.Collections), "bin", arch, Binary);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
