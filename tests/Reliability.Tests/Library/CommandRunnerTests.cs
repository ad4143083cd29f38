using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;

namespace HpcWekaSlurm.Reliability.Tests.Library;

/// <summary>
/// A hanging command, at the library level: no module exposes its command timeout as an option
/// (wekafs_mount's mount waits up to 15 min), so CommandRunner's own timeout is tested here.
/// </summary>
public class CommandRunnerTests
{
    [Fact]
    public void A_command_that_hangs_is_stopped_at_its_timeout_and_reported()
    {
        var e = Assert.Throws<ModuleFailure>(() => CommandRunner.Run("/bin/sh", ["-c", "sleep 60"], TimeSpan.FromMilliseconds(300)));

        Assert.Contains("did not finish within", e.Message);
        Assert.Contains("sleep 60", e.Message);
    }

    [Fact]
    public void A_hanging_command_whose_child_keeps_its_output_open_is_stopped_too()
    {
        var e = Assert.Throws<ModuleFailure>(() => CommandRunner.Run("/bin/sh", ["-c", "sleep 60 & sleep 60"], TimeSpan.FromMilliseconds(300)));

        Assert.Contains("did not finish within", e.Message);
    }

    [Fact]
    public void A_missing_program_is_a_clear_failure()
    {
        var e = Assert.Throws<ModuleFailure>(() => CommandRunner.Run("/nonexistent/slurmd", ["-C"]));

        Assert.Contains("cannot run '/nonexistent/slurmd'", e.Message);
    }
}
