using System.Text.Json.Nodes;
using HpcWekaSlurm.Slurm.Tests.Host;

namespace HpcWekaSlurm.Slurm.Tests.Modules;

/// <summary>
/// The validate step of slurm_conf and slurm_gres_conf as the modules report it, run by the real
/// slurmd of this machine on temp configs: validated is true only when slurmd -G judged the new
/// content; a rejected candidate fails the task and leaves the file as it was; every way slurmd
/// could not judge it (not installed, failing on the current files too) writes the file with
/// validated false and a warning saying why.
/// </summary>
public class SlurmdValidationModuleTests
{
    private const string Good = SlurmdConfigCheckTests.Good;

    /// <summary>Makes slurmd -G exit 1 on any slurm.conf beside it, with nothing on stderr (the fatal goes to syslog only).</summary>
    private const string SilentlyFatalCgroupConf = "CgroupPlugin=cgroup/nosuch\n";

    [Fact]
    public void A_change_slurmd_accepts_is_written_and_reported_validated()
    {
        using var etc = new TempTree();
        var path = etc.File("slurm.conf", Good);

        var result = Run("slurm_conf", SlurmConfArgs(path, "other"));

        Assert.False(IsFailed(result), result.ToJsonString());
        Assert.True((bool?)result["changed"]);
        Assert.True((bool?)result["validated"], result.ToJsonString());
        Assert.Contains("ClusterName=other\n", File.ReadAllText(path));
    }

    [Fact]
    public void Slurmd_failing_on_the_current_files_too_writes_the_change_unvalidated_and_warns_why()
    {
        using var etc = new TempTree();
        var path = etc.File("slurm.conf", Good);
        etc.File("cgroup.conf", SilentlyFatalCgroupConf);

        var result = Run("slurm_conf", SlurmConfArgs(path, "other"));

        Assert.False(IsFailed(result), result.ToJsonString());
        Assert.True((bool?)result["changed"]);
        Assert.False((bool?)result["validated"], result.ToJsonString());
        Assert.Contains(Warnings(result), w => w.StartsWith("slurm.conf was not validated: slurmd -G fails on the current files too (exit 1, no output", StringComparison.Ordinal));
        Assert.Contains("ClusterName=other\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_change_slurmd_rejects_fails_naming_the_problem_and_leaves_the_file_untouched()
    {
        using var etc = new TempTree();
        var path = etc.File("slurm.conf", Good);
        var args = SlurmConfArgs(path, "check");
        args["settings"]!["NoSuchKey"] = "1";

        var result = Run("slurm_conf", args);

        Assert.True(IsFailed(result), result.ToJsonString());
        Assert.Contains("slurm.conf was not changed: slurmd -G rejects the new file", (string?)result["msg"]);
        Assert.Contains("NoSuchKey", (string?)result["msg"]);
        Assert.Equal(Good, File.ReadAllText(path));
    }

    [Fact]
    public void Without_slurmd_installed_the_change_is_written_unvalidated_and_the_warning_says_slurmd_is_missing()
    {
        using var etc = new TempTree();
        var path = etc.File("slurm.conf", Good);

        var result = Run("slurm_conf", SlurmConfArgs(path, "other"), withoutSbin: true);

        Assert.False(IsFailed(result), result.ToJsonString());
        Assert.True((bool?)result["changed"]);
        Assert.False((bool?)result["validated"], result.ToJsonString());
        Assert.Contains(Warnings(result), w => w.StartsWith("slurm.conf was not validated: slurmd is not installed", StringComparison.Ordinal));
    }

    [Fact]
    public void With_validate_false_nothing_is_validated_and_nothing_is_warned()
    {
        using var etc = new TempTree();
        var path = etc.File("slurm.conf", Good);
        var args = SlurmConfArgs(path, "other");
        args["validate"] = false;

        var result = Run("slurm_conf", args);

        Assert.True((bool?)result["changed"], result.ToJsonString());
        Assert.False((bool?)result["validated"]);
        Assert.DoesNotContain(Warnings(result), w => w.Contains("validated", StringComparison.Ordinal));
    }

    [Fact]
    public void A_gres_conf_change_with_slurmd_failing_on_the_current_files_too_is_written_unvalidated_and_warns_why()
    {
        using var etc = new TempTree();
        etc.File("slurm.conf", "GresTypes=gpu\n" + Good.Replace("NodeName=n1 CPUs=2 RealMemory=1000", "NodeName=n1 CPUs=2 RealMemory=1000 Gres=gpu:2", StringComparison.Ordinal));
        etc.File("cgroup.conf", SilentlyFatalCgroupConf);
        var path = etc.File("gres.conf", "NodeName=n1 Name=gpu Count=1\n");

        var result = Run("slurm_gres_conf", GresArgs(path));

        Assert.False(IsFailed(result), result.ToJsonString());
        Assert.False((bool?)result["validated"], result.ToJsonString());
        Assert.Contains(Warnings(result), w => w.StartsWith("gres.conf was not validated: slurmd -G fails on the current files too (exit 1", StringComparison.Ordinal));
        Assert.Equal("NodeName=n1 Name=gpu Count=2\n", File.ReadAllText(path));
    }

    [Fact]
    public void A_gres_conf_change_slurmd_accepts_is_reported_validated()
    {
        using var etc = new TempTree();
        etc.File("slurm.conf", "GresTypes=gpu\n" + Good.Replace("NodeName=n1 CPUs=2 RealMemory=1000", "NodeName=n1 CPUs=2 RealMemory=1000 Gres=gpu:2", StringComparison.Ordinal));
        var path = etc.File("gres.conf", "NodeName=n1 Name=gpu Count=1\n");

        var result = Run("slurm_gres_conf", GresArgs(path));

        Assert.False(IsFailed(result), result.ToJsonString());
        Assert.True((bool?)result["validated"], result.ToJsonString());
    }

    [Fact]
    public void A_gres_conf_away_from_slurm_conf_is_written_unvalidated_and_warns_why()
    {
        using var etc = new TempTree();
        var slurmConf = etc.File("slurm.conf", Good);
        var path = etc.File("elsewhere/gres.conf", "NodeName=n1 Name=gpu Count=1\n");
        var args = GresArgs(path);
        args["slurm_conf_path"] = slurmConf;

        var result = Run("slurm_gres_conf", args);

        Assert.False(IsFailed(result), result.ToJsonString());
        Assert.False((bool?)result["validated"]);
        Assert.Contains(Warnings(result), w => w.StartsWith($"gres.conf was not validated: slurmd reads gres.conf next to {slurmConf}", StringComparison.Ordinal));
    }

    private static JsonObject SlurmConfArgs(string path, string clusterName) => new()
    {
        ["path"] = path,
        ["settings"] = new JsonObject { ["ClusterName"] = clusterName },
        ["slurm_version"] = "22.05",
    };

    private static JsonObject GresArgs(string path) => new()
    {
        ["path"] = path,
        ["lines"] = new JsonArray(new JsonObject { ["NodeName"] = "n1", ["Name"] = "gpu", ["Count"] = 2 }),
        ["slurm_version"] = "22.05",
    };

    /// <summary>
    /// Runs the module binary on an args file, as Ansible does. <paramref name="withoutSbin"/> runs it in a
    /// mount namespace of its own with an empty directory over /usr/sbin (and so /sbin), where slurmd lives.
    /// </summary>
    private static JsonObject Run(string module, JsonObject args, bool withoutSbin = false)
    {
        using var work = new TempTree();
        var argsFile = work.File("args.json", args.ToJsonString());
        var binary = ModuleBinaries.Find(module);
        var outcome = withoutSbin
            ? Processes.Run("/usr/bin/unshare", ["--mount", "/bin/sh", "-c", "mount --bind \"$0\" /usr/sbin && exec \"$1\" \"$2\"", Directory.CreateDirectory(Path.Combine(work.Path, "empty")).FullName, binary, argsFile])
            : Processes.Run(binary, [argsFile]);
        return JsonNode.Parse(outcome.StdOut) as JsonObject
               ?? throw new InvalidOperationException($"{module} printed no JSON object (exit {outcome.ExitCode}): {outcome.StdOut}{outcome.StdErr}");
    }

    private static bool IsFailed(JsonObject result) => (bool?)result["failed"] ?? false;

    private static IReadOnlyList<string> Warnings(JsonObject result) =>
        result["warnings"]?.AsArray().Select(w => (string?)w ?? string.Empty).ToList() ?? [];
}
