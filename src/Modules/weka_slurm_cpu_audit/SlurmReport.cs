using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.CpuAudit;

namespace HpcWekaSlurm.Modules.WekaSlurmCpuAudit;

/// <summary>Slurm's record of this node: from <c>scontrol_output</c> when given, else from running <c>scontrol show node NAME</c>.</summary>
public static class SlurmReport
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    /// <param name="scontrolOutput">The captured text, or null to run scontrol.</param>
    /// <param name="nodeName">The node_name option.</param>
    /// <param name="hostname">This host's short name (the default node name).</param>
    /// <param name="scontrol">Runs scontrol with these arguments (the module passes <see cref="CommandRunner.Run"/>).</param>
    public static SlurmNodeRecord Read(string? scontrolOutput, string? nodeName, string? hostname, Func<IReadOnlyList<string>, CommandResult> scontrol)
    {
        var option = scontrolOutput is null ? "node_name" : "scontrol_output";
        try
        {
            return ScontrolShowNode.Select(ScontrolShowNode.Parse(scontrolOutput ?? Run(nodeName ?? hostname, scontrol)), nodeName, hostname);
        }
        catch (AuditException e)
        {
            throw new ModuleFailure($"option '{option}': {e.Message}");
        }
    }

    private static string Run(string? nodeName, Func<IReadOnlyList<string>, CommandResult> scontrol)
    {
        if (nodeName is null)
        {
            throw new ModuleFailure("option 'node_name': not given, and this host's name is unknown");
        }

        var result = scontrol(["show", "node", nodeName]);
        return result.Succeeded
            ? result.StdOut
            : throw new ModuleFailure($"'scontrol show node {nodeName}' failed (rc {result.ExitCode}): {result.StdErr.Trim()} " +
                                      "(set node_name to the node's Slurm name, or pass scontrol_output)")
            {
                Extra = { ["rc"] = result.ExitCode, ["stderr"] = result.StdErr },
            };
    }
}
