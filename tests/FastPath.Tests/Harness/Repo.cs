namespace FastPath.Tests.Harness;

/// <summary>Where the repository and the installed collection are.</summary>
public static class Repo
{
    public static string Root { get; } = FindRoot();

    /// <summary>The collections path `make collection` installed (run-tests.sh exports it).</summary>
    public static string Collections { get; } =
        Environment.GetEnvironmentVariable("HPC_WEKA_SLURM_COLLECTIONS") is { Length: > 0 } path
            ? path
            : Path.Combine(Root, "build", "collections");

    /// <summary>The installed collection's own directory under a collections path.</summary>
    public static string CollectionDir(string collections) => Path.Combine(collections, "ansible_collections", "hpc", "weka_slurm");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "galaxy.yml")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("repository root (galaxy.yml) not found above " + AppContext.BaseDirectory);
    }
}
