using HpcWekaSlurm.Modules.ClusterPreflight.Compare;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

/// <summary>Healthy nodes of one cluster, to change one thing on one of them per test.</summary>
public static class Nodes
{
    public const string Key = "9f2c4a1be0d3c7f6a8b91e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6e5f4a3";
    public const double Sent = 1_764_000_000.0;

    public static HostFacts Facts(string name, double offset = 0.2) => new()
    {
        Hostname = name,
        Clock = new ClockFact(Sent + offset, Sent, 0),
        Accounts = new Dictionary<string, AccountFact?>
        {
            ["slurm"] = new(450, 450, 450),
            ["munge"] = new(451, 451, 451),
        },
        Controllers = new Dictionary<string, ResolutionFact> { ["controller"] = new(["10.213.0.2"], null) },
        Memory = new MemoryFact(24_684_084, 4096, 24_105),
        Cgroup = new CgroupFact("/sys/fs/cgroup", "hybrid", ["cpu", "cpuacct", "cpuset", "devices", "freezer", "memory", "pids"]),
        Nics = new Dictionary<string, NicFact> { ["ib0"] = new(true, 1, "24-47,72-95", null) },
        Weka = new WekaFact("/etc/systemd/system/weka-agent.service", "/usr/bin/weka", "/etc/wekaio/service.conf", true),
        Packages = new PackagesFact(
            "apt",
            new Dictionary<string, string> { ["slurmd"] = "22.05.8-4+deb12u3", ["munge"] = "0.5.15-2" },
            ["22.05.8"],
            "22.05.8",
            "0.5.15",
            null),
        MungeKey = new MungeKeyFact("/etc/munge/munge.key", Key, 1024, null),
    };

    public static HostExpectations Compute => new()
    {
        Slurmd = true,
        Accounts = new Dictionary<string, AccountIds> { ["slurm"] = new(450, 450), ["munge"] = new(451, 451) },
        MemSpecLimit = 5000,
        WekaCores = [47],
        WekaNic = "ib0",
        WekaMount = true,
    };

    public static HostExpectations Controller => Compute with { Slurmd = false, WekaCores = null, WekaNic = null, WekaMount = false };

    /// <summary>controller, compute-0, compute-1 as they should be, with <paramref name="change"/> applied to compute-1.</summary>
    public static PreflightInput Cluster(Func<PreflightHost, PreflightHost>? change = null, double maxClockSkew = 1)
    {
        var controller = new PreflightHost("controller", Facts("controller") with { Nics = new Dictionary<string, NicFact>() }, Controller);
        var compute0 = new PreflightHost("compute-0", Facts("compute-0", offset: 0.3), Compute);
        var compute1 = new PreflightHost("compute-1", Facts("compute-1", offset: 0.25), Compute);
        return new PreflightInput([controller, compute0, change is null ? compute1 : change(compute1)], [], "controller", maxClockSkew);
    }

    public static PreflightHost WithFacts(this PreflightHost host, Func<HostFacts, HostFacts> change) => host with { Facts = change(host.Facts) };

    public static PreflightHost WithExpect(this PreflightHost host, Func<HostExpectations, HostExpectations> change) => host with { Expect = change(host.Expect) };
}
