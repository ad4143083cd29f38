namespace HpcWekaSlurm.Portability.Tests.Harness;

/// <summary>The repository and the module binaries `make collection` built into it.</summary>
public static class Repo
{
    public static readonly string Root = FindRoot();

    /// <summary>Where make installs the binaries; HPC_MODULES_DIR points the tests at another build (e.g. arm64).</summary>
    public static string ModulesDir =>
        Environment.GetEnvironmentVariable("HPC_MODULES_DIR") is { Length: > 0 } dir ? dir : Path.Combine(Root, "collection", "plugins", "modules");

    public static string Tool(string relativePath) => Path.Combine(Root, "tools", relativePath);

    /// <summary>Names of the module binaries: the ELF files among the sidecar docs.</summary>
    public static IReadOnlyList<string> ModuleNames() =>
        Directory.Exists(ModulesDir)
            ? [.. Directory.EnumerateFiles(ModulesDir).Where(IsElf).Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal)]
            : [];

    private static bool IsElf(string path)
    {
        Span<byte> magic = stackalloc byte[4];
        using var file = File.OpenRead(path);
        return file.Read(magic) == 4 && magic.SequenceEqual("\u007fELF"u8);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "galaxy.yml")) && File.Exists(Path.Combine(dir.FullName, "Makefile")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no repository root (galaxy.yml + Makefile) above {AppContext.BaseDirectory}");
    }
}
