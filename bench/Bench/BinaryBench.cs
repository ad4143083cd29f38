using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Bench;

/// <summary>One module binary: size as built and stripped, cold start to exit and peak RSS on its args file.</summary>
/// <param name="Sha256">Content hash: modules served by one multi-call binary (src/ModuleHost) share it.</param>
/// <param name="Problem">Why the cold start was not measured (the module failed on its args file), or null.</param>
public sealed record BinaryResult(string Module, long Bytes, long StrippedBytes, string Sha256, Stats? StartMs, Stats? PeakRssMb, string? Problem = null);

/// <summary>
/// Part 1. Cold start is hyperfine's wall time of one process (no shell) from exec to exit on a
/// realistic args file; peak RSS is GNU time's %M. Both after warm-up runs that bring the target to
/// its desired state, so the timed runs are the usual unchanged rerun.
/// </summary>
public static class BinaryBench
{
    /// <summary>Every process start costs this much whatever it runs: the floor of the cold-start column.</summary>
    public const string Floor = "/usr/bin/true";

    public static async Task<List<BinaryResult>> RunAsync(Settings settings, Action<string> log)
    {
        var scratch = Directory.CreateTempSubdirectory("hws-bench-bin-").FullName;
        try
        {
            var results = new List<BinaryResult>();
            var floor = await MeasureAsync(Floor, null, settings, scratch);
            results.Add(new BinaryResult("(floor: /usr/bin/true)", new FileInfo(Floor).Length, new FileInfo(Floor).Length, Hash(Floor), floor.Start, floor.Rss));
            foreach (var binary in Modules(settings.ModulesDir).Where(b => settings.Includes(Path.GetFileName(b))))
            {
                var module = Path.GetFileName(binary);
                var stripped = Path.Combine(scratch, module + ".stripped");
                await Shell.RunAsync("strip", ["--strip-all", "-o", stripped, binary]);
                var argsFile = ArgsFile(settings, module, scratch);
                log($"part 1: {module}{(argsFile is null ? " (size only: no bench/args file)" : string.Empty)}");
                var problem = argsFile is null ? null : await ProblemAsync(binary, argsFile);
                var measured = argsFile is null || problem is not null ? (null, null) : await MeasureAsync(binary, argsFile, settings, scratch);
                if (problem is not null)
                {
                    log($"part 1: {module} fails on its args file, size only: {problem}");
                }

                var file = File.ResolveLinkTarget(binary, returnFinalTarget: true)?.FullName ?? binary;
                results.Add(new BinaryResult(module, new FileInfo(file).Length, new FileInfo(stripped).Length, Hash(file), measured.Start, measured.Rss, problem));
            }

            return results;
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Hash(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(file));
    }

    /// <summary>
    /// The built modules: ELF files in the modules directory (the .yml files beside them are docs), or
    /// symlinks to the multi-call binary; they run under their own name, which picks the module.
    /// </summary>
    private static IEnumerable<string> Modules(string dir) =>
        Directory.EnumerateFiles(dir).Where(IsElf).Order(StringComparer.Ordinal);

    private static bool IsElf(string path)
    {
        using var file = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[4];
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }

    /// <summary>bench/args/MODULE.json with its placeholders filled and Ansible's own keys added, or null.</summary>
    private static string? ArgsFile(Settings settings, string module, string scratch)
    {
        var template = Path.Combine(settings.BenchDir, "args", module + ".json");
        if (!File.Exists(template))
        {
            return null;
        }

        var dir = Directory.CreateDirectory(Path.Combine(scratch, module)).FullName;
        var text = File.ReadAllText(template)
            .Replace("@DIR@", dir)
            .Replace("@MUNGE_KEY@", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(1024)));
        var args = JsonNode.Parse(text)!.AsObject();
        // What ActionBase._update_module_args adds on ansible-core 2.14.
        args["_ansible_check_mode"] = false;
        args["_ansible_diff"] = false;
        args["_ansible_no_log"] = false;
        args["_ansible_verbosity"] = 0;
        args["_ansible_debug"] = false;
        args["_ansible_keep_remote_files"] = false;
        args["_ansible_module_name"] = module;
        args["_ansible_version"] = "2.14.18";
        args["_ansible_syslog_facility"] = "LOG_USER";
        args["_ansible_string_conversion_action"] = "warn";
        args["_ansible_selinux_special_fs"] = new JsonArray("fuse", "nfs", "vboxsf", "ramfs", "9p", "vfat");
        args["_ansible_shell_executable"] = "/bin/sh";
        args["_ansible_socket"] = null;
        args["_ansible_tmpdir"] = dir;
        args["_ansible_remote_tmp"] = "~/.ansible/tmp";
        var file = Path.Combine(scratch, module + ".args.json");
        File.WriteAllText(file, args.ToJsonString());
        return file;
    }

    /// <summary>Runs the module once (bringing its target to the desired state); its failure message, or null when it succeeded.</summary>
    private static async Task<string?> ProblemAsync(string binary, string argsFile)
    {
        try
        {
            var first = JsonNode.Parse(await Shell.RunAsync(binary, [argsFile]))!;
            return (bool?)first["failed"] == true ? (string?)first["msg"] ?? "failed" : null;
        }
        catch (Exception e) when (e is InvalidOperationException or System.Text.Json.JsonException)
        {
            return e.Message.Split('\n')[0];
        }
    }

    private static async Task<(Stats? Start, Stats? Rss)> MeasureAsync(string program, string? argsFile, Settings settings, string scratch)
    {
        string[] command = argsFile is null ? [program] : [program, argsFile];

        var json = Path.Combine(scratch, "hyperfine.json");
        var runs = Math.Max(10, settings.Iterations * 10);
        await Shell.RunAsync("hyperfine", ["--shell=none", "--warmup", "5", "--runs", runs.ToString(), "--style", "none",
            "--export-json", json, string.Join(' ', command)]);
        var times = JsonNode.Parse(await File.ReadAllTextAsync(json))!["results"]![0]!["times"]!.AsArray()
            .Select(t => (double)t! * 1000).ToList();

        var rss = new List<double>();
        var timeOut = Path.Combine(scratch, "time.txt");
        for (var i = 0; i < Math.Max(5, settings.Iterations); i++)
        {
            await Shell.RunAsync("/usr/bin/time", ["-f", "%M", "-o", timeOut, .. command]);
            rss.Add(double.Parse(File.ReadAllText(timeOut).Trim()) / 1024);
        }

        return (Stats.Of(times), Stats.Of(rss));
    }
}
