using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.CpuAudit.Tests.Support;

/// <summary>
/// The published weka_slurm_cpu_audit binary, alone in a library directory for <c>ansible-playbook -M</c>:
/// from HPC_MODULES_DIR when set, else collection/plugins/modules where `make modules` puts it.
/// </summary>
public sealed class ModuleBinary : IDisposable
{
    public const string Name = "weka_slurm_cpu_audit";

    private readonly DirectoryInfo _library = Directory.CreateTempSubdirectory("hws-cpu-audit-library-");

    public ModuleBinary()
    {
        var dir = Environment.GetEnvironmentVariable("HPC_MODULES_DIR") is { Length: > 0 } given
            ? given
            : Path.Combine(RepositoryPaths.Root, "collection", "plugins", "modules");
        var binary = Path.Combine(dir, Name);
        if (!File.Exists(binary))
        {
            throw new FileNotFoundException($"module binary '{binary}' is missing: run `make modules`, or set HPC_MODULES_DIR to a directory holding it " +
                                            $"(dotnet publish src/Modules/{Name} -r linux-x64 -c Release -o DIR)");
        }

        // Copied: a library directory holding the sidecar .yml docs or other modules must not change what runs.
        File.Copy(binary, Path.Combine(_library.FullName, Name));
        File.SetUnixFileMode(Path.Combine(_library.FullName, Name), (UnixFileMode)Convert.ToInt32("755", 8));
    }

    public string LibraryDir => _library.FullName;

    public void Dispose() => _library.Delete(recursive: true);
}
