namespace HpcWekaSlurm.Reliability.Tests.Harness;

/// <summary>Where the repository and the built module binaries are.</summary>
public static class RepoPaths
{
    public static readonly string Root = FindRoot();

    public static string ModulesDirectory => Path.Combine(Root, "collection", "plugins", "modules");

    /// <summary>The NativeAOT binary `make collection` built; a clear failure when it is missing.</summary>
    public static string Binary(string module)
    {
        var path = Path.Combine(ModulesDirectory, module);
        Assert.True(File.Exists(path), $"module binary '{path}' is missing: run `make collection` first (these tests drive the built modules)");
        return path;
    }

    public static string Sidecar(string module) => Path.Combine(ModulesDirectory, module + ".yml");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "galaxy.yml")) && Directory.Exists(Path.Combine(dir.FullName, "src", "Modules")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("cannot find the repository root (galaxy.yml) above " + AppContext.BaseDirectory);
    }
}
