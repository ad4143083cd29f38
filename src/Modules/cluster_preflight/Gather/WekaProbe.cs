using HpcWekaSlurm.AnsibleModule.Commands;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>Whether the WEKA client is installed: its weka-agent service, its CLI, its service.conf.</summary>
public static class WekaProbe
{
    /// <summary>Where the WEKA client installer puts the agent's unit (systemd) or init script.</summary>
    private static readonly string[] AgentUnits =
    [
        "/etc/systemd/system/weka-agent.service",
        "/usr/lib/systemd/system/weka-agent.service",
        "/lib/systemd/system/weka-agent.service",
        "/etc/init.d/weka-agent",
    ];

    public static WekaFact Read(string serviceConf) =>
        new(AgentUnits.FirstOrDefault(File.Exists), CommandRunner.Which("weka"), serviceConf, File.Exists(serviceConf));
}
