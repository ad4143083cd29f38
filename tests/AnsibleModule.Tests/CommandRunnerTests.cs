using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;

namespace AnsibleModule.Tests;

/// <summary>CommandRunner's timeout with real processes: the failure, and what is left running.</summary>
public class CommandRunnerTests
{
    /// <summary>A shell whose child sleeps, as mount's helper would: records the child's id, then waits for it.</summary>
    private static string[] Hang(string pidFile) => ["-c", $"sleep 600 & echo $! > '{pidFile}'; wait"];

    [Fact]
    public void A_timeout_fails_naming_the_option_that_set_it_and_kills_the_child_processes_too()
    {
        using var dir = new TempDir();
        var pidFile = dir.File("child.pid");

        var failure = Assert.Throws<ModuleFailure>(() => CommandRunner.Run("/bin/sh", Hang(pidFile), TimeSpan.FromSeconds(1), timeoutOption: "timeout"));

        Assert.StartsWith("option 'timeout': '/bin/sh -c ", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("did not finish within 1 s and was stopped (raise timeout to allow more time)", failure.Message, StringComparison.Ordinal);
        var child = int.Parse(File.ReadAllText(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(StopsRunning(child), $"the child {child} of the stopped command still runs");
    }

    [Fact]
    public void A_timeout_without_an_option_says_what_was_stopped()
    {
        using var dir = new TempDir();

        var failure = Assert.Throws<ModuleFailure>(() => CommandRunner.Run("/bin/sh", Hang(dir.File("child.pid")), TimeSpan.FromSeconds(1)));

        Assert.StartsWith("'/bin/sh -c ", failure.Message, StringComparison.Ordinal);
        Assert.EndsWith("did not finish within 1 s and was stopped", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_command_within_its_timeout_returns_its_exit_code_and_output()
    {
        var result = CommandRunner.Run("/bin/sh", ["-c", "echo out; echo err >&2; exit 3"], TimeSpan.FromSeconds(60), timeoutOption: "timeout");

        Assert.Equal(new CommandResult(3, "out\n", "err\n"), result);
    }

    /// <summary>Whether <paramref name="pid"/> is gone (SIGKILL takes effect when the process is next scheduled), checked for up to 10 s.</summary>
    private static bool StopsRunning(int pid)
    {
        for (var i = 0; i < 100 && IsRunning(pid); i++)
        {
            Thread.Sleep(100);
        }

        return !IsRunning(pid);
    }

    /// <summary>Present in /proc and not a zombie (a killed child may wait there for its reaper).</summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
