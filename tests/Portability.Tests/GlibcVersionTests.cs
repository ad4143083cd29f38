using HpcWekaSlurm.Portability.Tests.Harness;

namespace HpcWekaSlurm.Portability.Tests;

/// <summary>
/// The build check (tools/build/check-glibc.sh, run by make collection): no module binary needs a
/// glibc symbol version above 2.17, and the check names each symbol that does.
/// </summary>
public class GlibcVersionTests
{
    private static readonly string Check = Repo.Tool("build/check-glibc.sh");

    public static TheoryData<string> Modules() => [.. Repo.ModuleNames()];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_binary_needs_glibc_2_17_at_most(string module)
    {
        var check = Proc.Run(Check, [Path.Combine(Repo.ModulesDir, module)]);

        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.StartsWith("ok ", check.Stdout);
    }

    [Fact]
    public void Check_fails_on_a_binary_linked_against_this_hosts_glibc_and_names_each_symbol_above_2_17()
    {
        var dir = Directory.CreateTempSubdirectory("hpc-glibc-check-").FullName;
        try
        {
            var check = Proc.Run(Check, [HostLinkedProgram.Build(dir)]);

            Assert.Equal(1, check.ExitCode);
            Assert.Contains("needs GLIBC_2.34 (allowed: GLIBC_2.17)", check.Stdout);
            Assert.Contains("  __libc_start_main@GLIBC_2.34\n", check.Stdout);
            Assert.Contains("  log@GLIBC_2.29\n", check.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Check_fails_on_a_binary_that_needs_a_library_outside_glibc()
    {
        var dir = Directory.CreateTempSubdirectory("hpc-glibc-check-").FullName;
        try
        {
            // zlib's runtime library is on every Debian host; a managed host may lack it.
            var check = Proc.Run(Check, [HostLinkedProgram.Build(dir, "-Wl,--no-as-needed", "-l:libz.so.1")]);

            Assert.Equal(1, check.ExitCode);
            Assert.Contains("needs libraries outside glibc: libz.so.1\n", check.Stdout);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    /// <summary>An absolute link in the sysroot (libpthread.so -> /lib/...) makes the linker silently take this host's library.</summary>
    [Fact]
    public void Sysroot_links_all_stay_inside_the_sysroot()
    {
        var sysroots = Path.Combine(Repo.Root, "build", "sysroot");
        var built = Directory.Exists(sysroots) ? Directory.GetDirectories(sysroots).Where(d => File.Exists(Path.Combine(d, ".stamp"))).ToList() : [];
        Assert.True(built.Count > 0, $"no sysroot under {sysroots}: make collection builds it");

        foreach (var sysroot in built)
        {
            var absolute = new DirectoryInfo(sysroot).EnumerateFileSystemInfos("*", SearchOption.AllDirectories)
                .Where(entry => entry.LinkTarget is { } target && target.StartsWith('/'))
                .Select(entry => $"{entry.FullName} -> {entry.LinkTarget}");
            Assert.Empty(absolute);
        }
    }
}
