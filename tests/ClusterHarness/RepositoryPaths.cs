using System.Reflection;

namespace HpcWekaSlurm.ClusterHarness;

/// <summary>Where the checkout, its container tools and its build outputs are.</summary>
public static class RepositoryPaths
{
    /// <summary>The checkout root, recorded in this assembly when it was built.</summary>
    public static string Root { get; } = typeof(RepositoryPaths).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string ContainerTools => Path.Combine(Root, "tools", "containers");

    /// <summary>Build outputs; HPC_BUILD_DIR moves them (the container scripts honour it too).</summary>
    public static string BuildDir => Environment.GetEnvironmentVariable("HPC_BUILD_DIR") is { Length: > 0 } dir
        ? dir
        : Path.Combine(Root, "build");

    /// <summary>The local apt repository of a Debian suite (tools/containers/build-localrepo.sh).</summary>
    public static string LocalRepo(string suite) => Path.Combine(BuildDir, "localrepo", suite);

    /// <summary>
    /// Installed collections (holding ansible_collections/hpc/weka_slurm): HPC_WEKA_SLURM_COLLECTIONS,
    /// else build/collections when `make collection` made it, else none (Ansible's own paths only).
    /// </summary>
    public static string? Collections =>
        Environment.GetEnvironmentVariable("HPC_WEKA_SLURM_COLLECTIONS") is { Length: > 0 } path ? path
        : Directory.Exists(Path.Combine(BuildDir, "collections", "ansible_collections")) ? Path.Combine(BuildDir, "collections")
        : null;
}
