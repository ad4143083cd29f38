using HpcWekaSlurm.Slurm.CgroupConf;
using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Host;
using HpcWekaSlurm.Slurm.Restarts;
using HpcWekaSlurm.Slurm.SlurmConf;
using HpcWekaSlurm.Slurm.Tests.Host;
using HpcWekaSlurm.Slurm.Versions;
using static HpcWekaSlurm.Slurm.Tests.SlurmConf.PlannerHelpers;

namespace HpcWekaSlurm.Slurm.Tests.Integration;

/// <summary>
/// The planners' output run by real munged, slurmctld and slurmd on this machine (2 CPUs): CPU 1
/// reserved for WEKA, jobs kept on CPU 0; then the reservation moved with the restart sequence the
/// plan returns, without the node going INVALID.
/// </summary>
public class RealDaemonsTests
{
    private const string NodeName = "wekait1";

    [Fact]
    public void Generated_configs_run_real_daemons_that_keep_jobs_off_the_reserved_CPU_and_a_respecialisation_applies_cleanly()
    {
        var rules = new VersionRules(SlurmProbe.Version(Processes.Run, p => File.Exists($"/usr/sbin/{p}") ? $"/usr/sbin/{p}" : null));
        var hardware = SlurmProbe.Hardware(Processes.Run, "/usr/sbin/slurmd") ?? throw new InvalidOperationException("slurmd -C failed");
        Assert.True(hardware.Cpus >= 2, "this test reserves CPU 1 and needs at least 2 CPUs");
        var realMemory = (hardware.RealMemory!.Value - 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var cluster = new LocalCluster(NodeName);
        var request = new SlurmConfRequest
        {
            Settings = Settings(cluster),
            Nodes = [SlurmConf.PlannerHelpers.Node(NodeName, ("NodeAddr", "127.0.0.1"), ("CPUs", "2"), ("RealMemory", realMemory), ("MemSpecLimit", "1000"), ("CpuSpecList", "1"))],
            ExclusiveNodes = true,
            Hardware = new Dictionary<string, NodeHardware> { [NodeName] = hardware },
            Rules = rules,
        };

        var slurmConf = SlurmConfPlanner.Plan(DebianExamples.Read("slurm.conf.cgroup.gz"), request);
        var cgroupConf = CgroupConfPlanner.Plan(DebianExamples.Read("cgroup.conf.gz"), new CgroupConfRequest
        {
            Settings = [Set("CgroupPlugin", "autodetect"), Set("ConstrainCores", "yes"), Set("ConstrainRAMSpace", "yes"), Set("ConstrainSwapSpace", "no"), Set("ConstrainDevices", "no")],
            Hierarchy = CgroupHierarchy.Detect("/sys/fs/cgroup"),
            Rules = rules,
        });
        Assert.Empty(slurmConf.Errors);
        Assert.Empty(cgroupConf.Errors);
        File.WriteAllBytes(Path.Combine(cluster.Etc, "cgroup.conf"), cgroupConf.After);
        var check = SlurmdConfigCheck.Check(Processes.Run, "/usr/sbin/slurmd", cluster.Etc, "slurm.conf", "slurm.conf", slurmConf.After, NodeName);
        Assert.True(check.Ran && check.Passed, string.Join("; ", check.Problems));
        File.WriteAllBytes(cluster.SlurmConf, slurmConf.After);

        cluster.StartMunge();
        cluster.StartController();
        cluster.StartNode();
        var node = cluster.WaitForNode("IDLE");
        Assert.Contains("CPUSpecList=1 ", node);
        Assert.Contains("MemSpecLimit=1000", node);
        Assert.Contains("Cpus_allowed_list:\t0\n", cluster.Srun("-N1", "-n1", "-w", NodeName, "grep", "Cpus_allowed_list", "/proc/self/status"));

        // Move the reservation to CPU 0: a re-specialisation, applied in the order the plan gives.
        var respec = SlurmConfPlanner.Plan(File.ReadAllBytes(cluster.SlurmConf), request with
        {
            Nodes = [SlurmConf.PlannerHelpers.Node(NodeName, ("MemSpecLimit", "2000"), ("CpuSpecList", "0"))],
            ExclusiveNodes = false,
        });
        Assert.Empty(respec.Errors);
        if (!rules.ReconfigureAppliesNodeChanges)
        {
            Assert.Equal([new RestartStep("slurmd", "stopped"), new RestartStep("slurmctld", "restarted"), new RestartStep("slurmd", "started")], respec.Restart.Sequence);
        }

        File.WriteAllBytes(cluster.SlurmConf, respec.After);
        foreach (var step in respec.Restart.Sequence)
        {
            cluster.Apply(step.Daemon, step.State);
        }

        if (respec.Restart.ReconfigureSufficient)
        {
            cluster.Scontrol("reconfigure");
        }

        node = cluster.WaitForNode("IDLE");
        Assert.DoesNotContain("INVALID", node);
        Assert.Contains("CPUSpecList=0 ", node);
        Assert.Contains("MemSpecLimit=2000", node);
        Assert.Contains("Cpus_allowed_list:\t1\n", cluster.Srun("-N1", "-n1", "-w", NodeName, "grep", "Cpus_allowed_list", "/proc/self/status"));
    }

    /// <summary>The Debian example turned into a private loopback cluster: our ports, paths, munge socket; no accounting.</summary>
    private static IReadOnlyList<KeyValuePair<string, DesiredValue?>> Settings(LocalCluster cluster) =>
    [
        Set("ClusterName", "wekait"),
        Set("SlurmctldHost", $"{Environment.MachineName.Split('.')[0]}(127.0.0.1)"),
        Set("SlurmctldPort", LocalCluster.ControllerPort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Set("SlurmdPort", LocalCluster.NodePort.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        Set("SlurmUser", "root"),
        Set("SlurmdUser", "root"),
        Set("AuthInfo", $"socket={cluster.MungeSocket}"),
        Set("StateSaveLocation", Path.Combine(cluster.Root, "state")),
        Set("SlurmdSpoolDir", Path.Combine(cluster.Root, "spool")),
        Set("SlurmctldPidFile", Path.Combine(cluster.Root, "slurmctld.pid")),
        Set("SlurmdPidFile", Path.Combine(cluster.Root, "slurmd.pid")),
        Set("SlurmctldLogFile", Path.Combine(cluster.Root, "log", "slurmctld.log")),
        Set("SlurmdLogFile", Path.Combine(cluster.Root, "log", "slurmd.log")),
        Set("TaskPlugin", "task/affinity,task/cgroup"),
        Set("TaskPluginParam", "SlurmdOffSpec"),
        Set("AccountingStorageType", "accounting_storage/none"),
        Set("AccountingStorageHost", null),
        Set("AccountingStoreFlags", null),
    ];
}
