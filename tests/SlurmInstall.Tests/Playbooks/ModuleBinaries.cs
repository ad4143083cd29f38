namespace HpcWekaSlurm.SlurmInstall.Tests.Playbooks;

/// <summary>
/// The published module binaries: HPC_MODULES_DIR when set, else collection/plugins/modules, where
/// `make modules` installs them. Each test run copies the binary into its own library directory
/// and passes it with -M (no playbook-adjacent library/ folder, no collection needed).
/// </summary>
public static class ModuleBinaries
{
    public static string Root { get; } = FindRoot();

    public static string Directory =>
        Environment.GetEnvironmentVariable("HPC_MODULES_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Root, "collection", "plugins", "modules");

    /// <summary>
    /// The installed collection (HPC_WEKA_SLURM_COLLECTIONS, else build/collections from `make collection`),
    /// for the tests that need the collection's action plugin.
    /// </summary>
    public static string Collections()
    {
        var path = Environment.GetEnvironmentVariable("HPC_WEKA_SLURM_COLLECTIONS") is { Length: > 0 } dir ? dir : System.IO.Path.Combine(Root, "build", "collections");
        return File.Exists(System.IO.Path.Combine(path, "ansible_collections", "hpc", "weka_slurm", "plugins", "modules", "munge_key"))
            ? path
            : throw new DirectoryNotFoundException($"no installed collection with munge_key under '{path}': run `make collection`, or set HPC_WEKA_SLURM_COLLECTIONS");
    }

    public static string Of(string module)
    {
        var path = System.IO.Path.Combine(Directory, module);
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"module binary '{path}' is missing: run `make modules`, or set HPC_MODULES_DIR to a " +
                                              $"directory holding it (dotnet publish src/Modules/{module} -r linux-x64 -c Release -o DIR)");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "galaxy.yml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no checkout (galaxy.yml) above {AppContext.BaseDirectory}");
    }
}
