using HpcWekaSlurm.Portability.Tests.Harness;

namespace HpcWekaSlurm.Portability.Tests;

/// <summary>
/// Every module binary runs on the same args files on this Debian 12 host and in a Debian 11 container
/// (glibc 2.31), and gives the same result: same JSON, same exit code, same files left behind.
/// </summary>
public class Debian11ResultsTests(Debian11 debian11) : IClassFixture<Debian11>
{
    public static TheoryData<string, string> Runs()
    {
        var runs = new TheoryData<string, string>();
        foreach (var module in Repo.ModuleNames())
        {
            foreach (var name in ModuleCase.NamesFor(module))
            {
                runs.Add(module, name);
            }
        }

        return runs;
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void Module_gives_the_same_result_on_debian_11_as_on_this_host(string module, string caseName)
    {
        var moduleCase = ModuleCase.Load(caseName);
        var id = $"{module}/{caseName}";

        var host = moduleCase.Run(Path.Combine(debian11.Scratch, "host", id), Path.Combine(debian11.Scratch, "host", id),
            args => Proc.Run(Path.Combine(Repo.ModulesDir, module), [args]));
        var old = moduleCase.Run(Path.Combine(debian11.Scratch, "debian11", id), $"{Debian11.ScratchMount}/debian11/{id}",
            args => debian11.Exec($"{Debian11.ModulesMount}/{module}", args));

        Assert.True(host.Result is not null, $"not one JSON object on this host:\n{host.Stdout}\n{host.Stderr}");
        Assert.True(old.Result is not null, $"not one JSON object on Debian 11:\n{old.Stdout}\n{old.Stderr}");
        Assert.Equal(host.Stdout, old.Stdout);
        Assert.Equal(host.ExitCode, old.ExitCode);
        Assert.Equal(host.Files, old.Files);
        foreach (var (key, expected) in moduleCase.Expect)
        {
            Assert.Equal(expected?.ToJsonString(), host.Result![key]?.ToJsonString());
        }
    }

    [Fact]
    public void Container_runs_glibc_2_31() =>
        Assert.Equal("glibc 2.31", debian11.Exec("getconf", "GNU_LIBC_VERSION").EnsureSuccess("getconf").Stdout.Trim());

    /// <summary>The comparison above means something: the default link would not even start there.</summary>
    [Fact]
    public void Binary_linked_against_this_hosts_glibc_does_not_start_there()
    {
        HostLinkedProgram.Build(Path.Combine(debian11.Scratch, "host-linked"));

        var run = debian11.Exec($"{Debian11.ScratchMount}/host-linked/uses_log");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("version `GLIBC_2.34' not found", run.Stderr);
    }
}
