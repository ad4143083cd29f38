using HpcWekaSlurm.Reliability.Tests.Harness;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.Faults;

/// <summary>
/// External commands that are missing or fail, for every module that runs one. A command that
/// hangs is tested at the library level (CommandRunnerTests): no module exposes its timeout
/// (wekafs_mount waits up to 15 min for mount, as a first WEKA mount can take that long).
/// </summary>
public class CommandFaultTests
{
    public static IEnumerable<object[]> CommandRunners() =>
        ModuleTable.All.Where(m => m.CommandTask is not null).Select(m => new object[] { m.Name });

    /// <summary>The module runs in a mount namespace whose /usr/bin, /usr/sbin and /usr/local are empty (PATH alone would not do: modules also look in the sbin directories).</summary>
    [Theory]
    [MemberData(nameof(CommandRunners))]
    public void A_missing_command_fails_naming_it_and_changes_no_file(string name)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module);
        var spec = Tasks.Spec(module, s, module.CommandTask!(s)) with
        {
            PathPrefix = [],
            Wrapper =
            [
                "unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                "for d in /usr/local/sbin /usr/local/bin /usr/sbin /usr/bin; do /usr/bin/mount -t tmpfs hidden \"$d\" || exit 99; done; exec \"$0\" \"$@\"",
            ],
        };
        var before = Sandbox.Hashes(module.Managed(s));

        var run = ModuleProcess.Run(spec);

        Assert.NotEqual(99, run.ExitCode);
        FileFaultTests.AssertCleanFailure(module, s, run, before, "cannot find");
        Figures.Add("faults.missing_command");
    }

    [Theory]
    [MemberData(nameof(CommandRunners))]
    public void A_failing_command_fails_with_its_message_and_exit_code_and_changes_no_file(string name)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module);
        foreach (var command in module.Commands)
        {
            s.FakeCommand(command, $"echo \"{command}: device busy (fake)\" >&2\nexit 32");
        }

        var before = Sandbox.Hashes(module.Managed(s));

        var run = ModuleProcess.Run(Tasks.Spec(module, s, module.CommandTask!(s)));

        FileFaultTests.AssertCleanFailure(module, s, run, before, "device busy (fake)");
        Assert.Equal(32, run.Result["rc"]!.GetValue<int>());
        Figures.Add("faults.failing_command");
    }
}
