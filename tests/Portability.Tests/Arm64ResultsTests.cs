using HpcWekaSlurm.Portability.Tests.Harness;

namespace HpcWekaSlurm.Portability.Tests;

/// <summary>
/// The arm64 build (cross-compiled here, for NVIDIA Grace and other aarch64 hosts) runs under qemu-user on the
/// same args files as the x86_64 build and gives the same result: same JSON, same exit code, same files.
/// </summary>
public class Arm64ResultsTests(Arm64Build arm64) : IClassFixture<Arm64Build>
{
    [Theory]
    [MemberData(nameof(Debian11ResultsTests.Runs), MemberType = typeof(Debian11ResultsTests))]
    public void Module_gives_the_same_result_on_arm64_under_qemu_as_on_x86_64(string module, string caseName)
    {
        var moduleCase = ModuleCase.Load(caseName);
        var x64Dir = Path.Combine(arm64.Scratch, "x86_64", module, caseName);
        var arm64Dir = Path.Combine(arm64.Scratch, "aarch64", module, caseName);

        var x64 = moduleCase.Run(x64Dir, x64Dir, args => Proc.Run(Path.Combine(Repo.ModulesDir, module), [args]));
        var arm = moduleCase.Run(arm64Dir, arm64Dir, args => arm64.Run(module, args));

        Assert.True(x64.Result is not null, $"not one JSON object from the x86_64 build:\n{x64.Stdout}\n{x64.Stderr}");
        Assert.True(arm.Result is not null, $"not one JSON object from the arm64 build:\n{arm.Stdout}\n{arm.Stderr}");
        Assert.Equal(x64.Stdout, arm.Stdout);
        Assert.Equal(x64.ExitCode, arm.ExitCode);
        Assert.Equal(x64.Files, arm.Files);
        foreach (var (key, expected) in moduleCase.Expect)
        {
            Assert.Equal(expected?.ToJsonString(), arm.Result![key]?.ToJsonString());
        }
    }

    [Fact]
    public void Arm64_build_is_an_aarch64_binary_that_needs_glibc_2_17_at_most()
    {
        var header = Proc.Run("readelf", ["--file-header", Arm64Build.Binary]).EnsureSuccess("readelf");
        var check = Proc.Run(Repo.Tool("build/check-glibc.sh"), [Arm64Build.Binary]);

        Assert.Matches(@"Machine:\s+AArch64", header.Stdout);
        Assert.True(check.ExitCode == 0, check.Stdout + check.Stderr);
        Assert.StartsWith("ok ", check.Stdout);
    }
}
