using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;

namespace HpcWekaSlurm.Modules.WekafsMount;

/// <summary>
/// Runs mount(8) and umount(8), found on PATH (then the sbin directories) like ansible.posix.mount
/// finds them, each for at most the timeout option's seconds (then it is killed with its helper,
/// mount.wekafs). The mount state is never taken from these programs: it is read back from mountinfo.
/// </summary>
public static class MountCommands
{
    public static void Mount(IReadOnlyList<string> arguments, TimeSpan timeout) => Run("mount", arguments, timeout);

    public static void Unmount(string target, TimeSpan timeout) => Run("umount", [target], timeout);

    private static void Run(string program, IReadOnlyList<string> arguments, TimeSpan timeout)
    {
        var path = CommandRunner.Which(program)
                   ?? throw new ModuleFailure($"cannot find '{program}' on PATH or in the sbin directories; install util-linux");
        var result = CommandRunner.Run(path, arguments, timeout, timeoutOption: "timeout");
        if (result.Succeeded)
        {
            return;
        }

        var said = (result.StdErr.Trim().Length > 0 ? result.StdErr : result.StdOut).Trim();
        throw new ModuleFailure($"{CommandRunner.Describe(program, arguments)} failed with exit code {result.ExitCode}: {(said.Length > 0 ? said : "(no output)")}")
        {
            Extra =
            {
                ["rc"] = result.ExitCode,
                ["stdout"] = result.StdOut,
                ["stderr"] = result.StdErr,
                ["cmd"] = new JsonArray([.. arguments.Prepend(path).Select(a => (JsonNode?)JsonValue.Create(a))]),
            },
        };
    }
}
