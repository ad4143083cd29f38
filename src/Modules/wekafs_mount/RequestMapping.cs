using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.Modules.WekafsMount;

/// <summary>Turns the validated module options into the domain request.</summary>
public static class RequestMapping
{
    public static WekaMountRequest From(ModuleParams p) => new()
    {
        Path = p.Str("path")!,
        State = Enum.Parse<MountStateRequest>(p.Str("state")!, ignoreCase: true),
        Filesystem = p.Str("filesystem"),
        Backends = p.Has("backends") ? p.StrList("backends") : null,
        Source = p.Str("source"),
        TimeoutSeconds = p.Int("timeout")!.Value,
        Options = new WekaMountOptions
        {
            Mode = p.Str("mode") == "udp" ? WekaNetworkMode.Udp : WekaNetworkMode.Dpdk,
            Cores = Cores(p),
            NumCores = p.Int("num_cores"),
            Net = p.StrList("net"),
            MemoryMb = p.Int("memory_mb"),
            MgmtIp = p.Str("mgmt_ip"),
            ContainerName = p.Str("container_name"),
            ReadCache = p.Bool("readcache"),
            WriteCache = p.Bool("writecache"),
            ForceDirect = p.Bool("forcedirect"),
            ReadOnly = p.Bool("readonly"),
            Extra = p.StrList("options"),
            SystemdOptions = p.StrList("systemd_options"),
        },
    };

    // A null list item would otherwise surface as an unexpected error.
    private static IReadOnlyList<long> Cores(ModuleParams p) =>
        p.List("cores")?.Select((n, i) => n?.GetValue<long>() ?? throw new ModuleFailure($"option 'cores': element {i} is null, expected a CPU id")).ToList() ?? [];
}
