using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace HpcWekaSlurm.Reliability.Tests.Harness;

/// <summary>
/// A private directory every module path option points into, so no test touches the host's
/// files; with a fake-command directory put first on PATH. Unmounts what a test mounted in it.
/// </summary>
public sealed partial class Sandbox : IDisposable
{
    private readonly List<string> _mounts = [];

    /// <param name="tmpfsKiB">Put the whole sandbox on a tmpfs of this size (for read-only and full-filesystem faults).</param>
    public Sandbox(int? tmpfsKiB = null)
    {
        Root = Path.Combine(Path.GetTempPath(), "hpcws-rel-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(Root);
        if (tmpfsKiB is { } size)
        {
            Sh($"mount -t tmpfs -o size={size}k,mode=0755 hpcws-rel '{Root}'");
            _mounts.Add(Root);
        }

        FakeBin = Directory.CreateDirectory(Path.Combine(Root, ".fakebin")).FullName;
    }

    public string Root { get; }

    /// <summary>Put first on PATH: fake versions of the external commands a module runs.</summary>
    public string FakeBin { get; }

    public string File(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file (and its directory) in the sandbox; returns its path.</summary>
    public string Write(string relative, string content, UnixFileMode? mode = null)
    {
        var path = File(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllText(path, content);
        if (mode is { } m)
        {
            System.IO.File.SetUnixFileMode(path, m);
        }

        return path;
    }

    /// <summary>A fake command on PATH: prints <paramref name="stderr"/>, then runs <paramref name="body"/> (sh) and exits with its status.</summary>
    public void FakeCommand(string name, string body)
    {
        var path = Path.Combine(FakeBin, name);
        System.IO.File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        System.IO.File.SetUnixFileMode(path, (UnixFileMode)Convert.ToInt32("755", 8));
    }

    /// <summary>Fakes that refuse to do anything: a module can never reach the host's mount, dpkg or slurmd.</summary>
    public void RefuseCommands(IEnumerable<string> names)
    {
        foreach (var name in names)
        {
            FakeCommand(name, $"echo \"{name}: refused by the reliability tests\" >&2\nexit 1");
        }
    }

    /// <summary>sha256 of each file (or "absent"): compared before and after a run.</summary>
    public static IReadOnlyDictionary<string, string> Hashes(IEnumerable<string> files) =>
        files.ToDictionary(f => f, f => System.IO.File.Exists(f) ? Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(f))) : "absent");

    /// <summary>AtomicFile temp files (<c>.NAME.[...]&lt;12 hex&gt;.tmp</c>) anywhere under <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> TempFiles(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.tmp", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true })
            .Where(f => TempName().IsMatch(Path.GetFileName(f)))];

    public IReadOnlyList<string> TempFiles() => TempFiles(Root);

    public static bool IsTempFile(string path) => TempName().IsMatch(Path.GetFileName(path));

    /// <summary>Remounts the sandbox's tmpfs read-only.</summary>
    public void MakeReadOnly() => Sh($"mount -o remount,ro '{Root}'");

    /// <summary>Fills the sandbox's tmpfs until the next write gets ENOSPC.</summary>
    public void Fill() => Sh($"dd if=/dev/zero of='{File(".filler")}' bs=4k 2>/dev/null; true");

    public static string Sh(string script)
    {
        var info = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add("-c");
        info.ArgumentList.Add(script);
        using var p = Process.Start(info)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"`{script}` failed ({p.ExitCode}): {error}");
        return output.Result;
    }

    public void Dispose()
    {
        foreach (var mount in Enumerable.Reverse(_mounts))
        {
            Sh($"umount '{mount}' || umount -l '{mount}' || true");
        }

        Directory.Delete(Root, recursive: true);
    }

    [GeneratedRegex(@"^\..+\.[0-9a-f]{12}\.tmp$")]
    private static partial Regex TempName();
}
