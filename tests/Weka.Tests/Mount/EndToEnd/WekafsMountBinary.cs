using System.Diagnostics;

namespace Weka.Tests.Mount.EndToEnd;

/// <summary>
/// The built NativeAOT wekafs_mount binary, in a directory of its own for <c>ansible-playbook -M</c>.
/// Taken from WEKAFS_MOUNT_MODULE (a binary path), else from the collection `make collection`
/// installed (HPC_WEKA_SLURM_COLLECTIONS), else published here with dotnet publish.
/// </summary>
public sealed class WekafsMountBinary : IDisposable
{
    public WekafsMountBinary()
    {
        Root = Directory.CreateTempSubdirectory("wekafs-mount-module-").FullName;
        LibraryDir = Directory.CreateDirectory(Path.Combine(Root, "library")).FullName;
        File.Copy(Locate(), Path.Combine(LibraryDir, "wekafs_mount"));
        File.SetUnixFileMode(Path.Combine(LibraryDir, "wekafs_mount"), (UnixFileMode)Convert.ToInt32("755", 8));
    }

    private string Root { get; }

    /// <summary>Holds only the module binary (no playbook-adjacent library/ folder shadows it).</summary>
    public string LibraryDir { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);

    private string Locate()
    {
        if (Environment.GetEnvironmentVariable("WEKAFS_MOUNT_MODULE") is { Length: > 0 } given)
        {
            return File.Exists(given) ? given : throw new FileNotFoundException($"WEKAFS_MOUNT_MODULE points to a missing file: {given}");
        }

        if (Environment.GetEnvironmentVariable("HPC_WEKA_SLURM_COLLECTIONS") is { Length: > 0 } collections)
        {
            var installed = Path.Combine(collections, "ansible_collections/hpc/weka_slurm/plugins/modules/wekafs_mount");
            if (File.Exists(installed))
            {
                return installed;
            }
        }

        return Publish();
    }

    private string Publish()
    {
        var project = RepositoryRoot() + "/src/Modules/wekafs_mount";
        var output = Path.Combine(Root, "publish");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", project, "-r", "linux-x64", "-c", "Release", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish of wekafs_mount failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
        }

        return Path.Combine(output, "wekafs_mount");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "src/Modules/wekafs_mount/wekafs_mount.csproj")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
