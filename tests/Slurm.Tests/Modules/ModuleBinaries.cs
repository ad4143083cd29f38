namespace HpcWekaSlurm.Slurm.Tests.Modules;

/// <summary>The config modules' Debug builds that Slurm.Tests.csproj builds with the tests.</summary>
public static class ModuleBinaries
{
    /// <summary>
    /// The module's executable: beside this test's own output when built with --artifacts-path
    /// (ARTIFACTS/bin/MODULE/...), else under src/Modules/MODULE/bin/Debug of the checkout.
    /// </summary>
    public static string Find(string module)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            foreach (var bin in new[] { Path.Combine(dir.FullName, module), Path.Combine(dir.FullName, "src", "Modules", module, "bin", "Debug", "net10.0") })
            {
                if (Directory.Exists(bin) && Directory.EnumerateFiles(bin, module, SearchOption.AllDirectories).FirstOrDefault() is { } found)
                {
                    return found;
                }
            }
        }

        throw new InvalidOperationException($"{module} is not built beside {AppContext.BaseDirectory} nor under src/Modules/{module}/bin/Debug");
    }
}
