using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Reliability.Tests.Harness;
using static HpcWekaSlurm.AnsibleModule.Arguments.ArgType;

namespace HpcWekaSlurm.Reliability.Tests.Modules;

/// <summary>
/// Every module the reliability tests drive. A module that lands gets one entry here (and
/// <see cref="Pending"/> loses it); <c>Every_module_directory_has_a_descriptor</c> fails until it does.
/// </summary>
public static class ModuleTable
{
    /// <summary>Modules in src/Modules that have no descriptor yet, with the reason.</summary>
    public static readonly IReadOnlyDictionary<string, string> Pending = new Dictionary<string, string>
    {
    };

    public static readonly IReadOnlyList<ModuleDescriptor> All =
    [
        WekaServiceConf(),
        MungeKey(),
        WekafsMount(),
        SlurmNodeFacts(),
        SlurmConf(),
        SlurmCgroupConf(),
        SlurmGresConf(),
        SlurmdbdConf(),
        SlurmPackages(),
        ClusterPreflight(),
        WekaSlurmCpuAudit(),
    ];

    /// <summary>Debian 12's Slurm: given, so no run asks slurmd -V (slurmd is always a refusing fake here).</summary>
    public const string SlurmVersion = "22.05.8";

    public static ModuleDescriptor Get(string name) => All.Single(m => m.Name == name);

    public static IEnumerable<object[]> Names() => All.Select(m => new object[] { m.Name });

    public static IEnumerable<object[]> Writers() => All.Where(m => m.Writes).Select(m => new object[] { m.Name });

    private static OptionShape Opt(string name, ArgType type) => new(name, type) { IsPath = type == ArgType.Path };

    /// <summary>The options every Slurm config module shares (src/SlurmModules/ConfFileOptions.cs).</summary>
    private static OptionShape[] FileOptions() =>
    [
        Opt("path", ArgType.Path) with { Aliases = ["dest"] },
        Opt("owner", Str),
        Opt("group", Str),
        Opt("mode", Str),
        Opt("backup", Bool),
        Opt("create", Bool),
        Opt("slurm_version", Str),
    ];

    private static JsonObject ConfTask(Sandbox s, string file, JsonObject options)
    {
        options["path"] = s.File("slurm/" + file);
        options["slurm_version"] = SlurmVersion;
        return options;
    }

    private static ModuleDescriptor WekaServiceConf() => new("weka_service_conf")
    {
        Options =
        [
            Opt("path", ArgType.Path) with { Aliases = ["dest"] },
            Opt("settings", Dict),
            Opt("section", Str),
            Opt("backup", Bool),
            Opt("create", Bool),
        ],
        Seed = s => s.Write("wekaio/service.conf", "[global]\n# WEKA agent settings\nisolate_cpusets=true\nport=14000\n"),
        Args = s => new JsonObject { ["path"] = s.File("wekaio/service.conf"), ["settings"] = new JsonObject { ["isolate_cpusets"] = false } },
        Managed = s => [s.File("wekaio/service.conf")],
        LocksWholeTask = true,
        Change = (s, g) => new JsonObject
        {
            ["path"] = s.File("wekaio/service.conf"),
            ["settings"] = new JsonObject { ["isolate_cpusets"] = false, ["reliability_generation"] = g },
            ["backup"] = true,
        },
        // 8 MB of value: the write and its fsync take long enough to be killed in the middle.
        BigChange = (s, g) => new JsonObject
        {
            ["path"] = s.File("wekaio/service.conf"),
            ["settings"] = new JsonObject { ["reliability_generation"] = g, ["ballast"] = new string((char)('a' + (g % 26)), 8 << 20) },
        },
    };

    private static ModuleDescriptor MungeKey() => new("munge_key")
    {
        Options =
        [
            Opt("path", ArgType.Path),
            Opt("state", Str) with { Choices = ["present", "absent"] },
            Opt("generate", Bool),
            Opt("size", Int),
            Opt("content", Str) with { NoLog = true },
            Opt("force", Bool),
            Opt("return_content", Bool),
            Opt("owner", Str),
            Opt("group", Str),
            Opt("mode", Raw),
            Opt("backup", Bool),
        ],
        Seed = s => Secrets.MungeKeys.Seed(s),
        Args = s => new JsonObject { ["path"] = Secrets.MungeKeys.Path(s) },
        Managed = s => [Secrets.MungeKeys.Path(s)],
        LocksWholeTask = true,
        Change = (s, g) => new JsonObject
        {
            ["path"] = Secrets.MungeKeys.Path(s),
            ["content"] = Convert.ToBase64String(Secrets.MungeKeys.Key(g)),
            ["force"] = true,
            ["backup"] = true,
        },
    };

    private static ModuleDescriptor WekafsMount() => new("wekafs_mount")
    {
        Options =
        [
            Opt("path", ArgType.Path) with { Required = true },
            Opt("filesystem", Str),
            Opt("backends", List),
            Opt("source", Str),
            Opt("state", Str) with { Choices = ["mounted", "present", "unmounted", "absent", "remounted"] },
            Opt("mode", Str) with { Choices = ["dpdk", "udp"] },
            Opt("cores", List),
            Opt("num_cores", Int),
            Opt("net", List),
            Opt("memory_mb", Int),
            Opt("mgmt_ip", Str),
            Opt("container_name", Str),
            Opt("readcache", Bool),
            Opt("writecache", Bool),
            Opt("forcedirect", Bool),
            Opt("readonly", Bool),
            Opt("options", List),
            Opt("fstab", ArgType.Path),
            Opt("systemd_options", List),
            Opt("backup", Bool),
            Opt("timeout", Int),
            Opt("mountinfo", ArgType.Path),
        ],
        Seed = s =>
        {
            s.Write("fstab", "# /etc/fstab: static file system information.\nUUID=0a1b2c3d-1111 / ext4 errors=remount-ro 0 1\n");
            s.Write("mountinfo", "27 1 254:1 / / rw,relatime shared:1 - ext4 /dev/vda1 rw,errors=remount-ro\n");
            Directory.CreateDirectory(s.File("mnt/weka"));
        },
        Args = s => new JsonObject
        {
            ["path"] = s.File("mnt/weka"),
            ["filesystem"] = "fs1",
            ["backends"] = new JsonArray("backend-host-0"),
            ["state"] = "present",
            ["fstab"] = s.File("fstab"),
            ["mountinfo"] = s.File("mountinfo"),
        },
        Managed = s => [s.File("fstab")],
        Commands = ["mount", "umount"],
        CommandTask = s => new JsonObject
        {
            ["path"] = s.File("mnt/weka"),
            ["filesystem"] = "fs1",
            ["backends"] = new JsonArray("backend-host-0"),
            ["state"] = "mounted",
            ["fstab"] = s.File("fstab"),
            ["mountinfo"] = s.File("mountinfo"),
        },
        Change = (s, g) => new JsonObject
        {
            ["path"] = s.File("mnt/weka"),
            ["filesystem"] = "fs1",
            ["backends"] = new JsonArray("backend-host-0"),
            ["state"] = "present",
            ["memory_mb"] = 1000 + g,
            ["backup"] = true,
            ["fstab"] = s.File("fstab"),
            ["mountinfo"] = s.File("mountinfo"),
        },
    };

    private static ModuleDescriptor SlurmNodeFacts() => new("slurm_node_facts")
    {
        Options =
        [
            Opt("root", ArgType.Path),
            Opt("node_name", Str),
            Opt("weka_cores", List),
            Opt("weka_core_count", Int),
            Opt("weka_nic", Str),
            Opt("weka_memory_mb", Int),
            Opt("os_memory_mb", Int),
            Opt("spec_style", Str) with { Choices = ["cpu_spec_list", "core_spec_count"] },
        ],
        Args = _ => new JsonObject { ["root"] = SysfsTree.Root, ["weka_core_count"] = 1, ["weka_nic"] = "ib0" },
        // Read-only: the tree it reads must come out as it went in.
        Managed = _ => SysfsTree.Files(),
    };

    private static ModuleDescriptor SlurmConf() => new("slurm_conf")
    {
        Options =
        [
            .. FileOptions(),
            Opt("settings", Dict),
            Opt("nodes", List),
            Opt("partitions", List),
            Opt("exclusive_nodes", Bool),
            Opt("exclusive_partitions", Bool),
            Opt("node_hardware", Dict),
            Opt("validate", Bool),
        ],
        Seed = s => s.Write("slurm/slurm.conf",
            "# slurm.conf (reliability tests)\nClusterName=test\nSlurmctldHost=localhost\nSelectType=select/cons_tres\n" +
            "SelectTypeParameters=CR_Core_Memory\nTaskPlugin=task/cgroup,task/affinity\nMessageTimeout=10\n" +
            "NodeName=node001 CPUs=8 Sockets=1 CoresPerSocket=4 ThreadsPerCore=2 RealMemory=15000 State=UNKNOWN\n" +
            "PartitionName=debug Nodes=node001 Default=YES State=UP\n"),
        Args = s => ConfTask(s, "slurm.conf", new JsonObject { ["settings"] = new JsonObject { ["ClusterName"] = "test" } }),
        Managed = s => [s.File("slurm/slurm.conf")],
        LocksWholeTask = true,
        Commands = ["slurmd", "scontrol"],
        Change = (s, g) => ConfTask(s, "slurm.conf", new JsonObject
        {
            ["settings"] = new JsonObject { ["MessageTimeout"] = 10 + g },
            ["validate"] = false,
            ["backup"] = true,
        }),
    };

    private static ModuleDescriptor SlurmCgroupConf() => new("slurm_cgroup_conf")
    {
        Options =
        [
            .. FileOptions(),
            Opt("cgroup_plugin", Str) with { Choices = ["autodetect", "cgroup/v1", "cgroup/v2"] },
            Opt("constrain_cores", Bool),
            Opt("constrain_ram_space", Bool),
            Opt("constrain_swap_space", Bool),
            Opt("constrain_devices", Bool),
            Opt("allowed_ram_space", Float),
            Opt("allowed_swap_space", Float),
            Opt("min_ram_space", Int),
            Opt("ignore_systemd", Bool),
            Opt("extra", Dict),
            Opt("cgroup_root", ArgType.Path),
        ],
        Seed = s =>
        {
            s.Write("slurm/cgroup.conf", "# cgroup.conf\nCgroupPlugin=autodetect\nConstrainCores=yes\n");
            s.Write("cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        },
        Args = s => ConfTask(s, "cgroup.conf", new JsonObject { ["cgroup_root"] = s.File("cgroup"), ["constrain_cores"] = true }),
        Managed = s => [s.File("slurm/cgroup.conf")],
        LocksWholeTask = true,
        Commands = ["slurmd"],
        Change = (s, g) => ConfTask(s, "cgroup.conf", new JsonObject
        {
            ["cgroup_root"] = s.File("cgroup"),
            ["constrain_cores"] = true,
            ["min_ram_space"] = 30 + g,
            ["backup"] = true,
        }),
    };

    private static ModuleDescriptor SlurmGresConf() => new("slurm_gres_conf")
    {
        Options =
        [
            .. FileOptions(),
            Opt("autodetect", Str),
            Opt("lines", List) with { Aliases = ["gres"] },
            Opt("exclusive", Bool),
            Opt("validate", Bool),
            Opt("slurm_conf_path", ArgType.Path),
            Opt("node_name", Str),
        ],
        Seed = s => s.Write("slurm/gres.conf", "# gres.conf\nAutoDetect=off\n"),
        Args = s => ConfTask(s, "gres.conf", new JsonObject { ["autodetect"] = "off", ["slurm_conf_path"] = s.File("slurm/slurm.conf") }),
        Managed = s => [s.File("slurm/gres.conf")],
        LocksWholeTask = true,
        Commands = ["slurmd"],
        Change = (s, g) => ConfTask(s, "gres.conf", new JsonObject
        {
            ["lines"] = new JsonArray(new JsonObject { ["NodeName"] = "node001", ["Name"] = "mps", ["Count"] = 100 * g }),
            ["validate"] = false,
            ["backup"] = true,
        }),
    };

    private static ModuleDescriptor SlurmdbdConf() => new("slurmdbd_conf")
    {
        Options =
        [
            .. FileOptions(),
            Opt("settings", Dict),
            Opt("storage_pass", Str) with { NoLog = true },
        ],
        Seed = Secrets.DbdConf.Seed,
        Args = s => ConfTask(s, "slurmdbd.conf", new JsonObject { ["settings"] = new JsonObject { ["DbdHost"] = "localhost" } }),
        Managed = s => [Secrets.DbdConf.Path(s)],
        LocksWholeTask = true,
        Change = (s, g) => ConfTask(s, "slurmdbd.conf", new JsonObject
        {
            ["storage_pass"] = Secrets.DbdConf.Password(g),
            ["backup"] = true,
        }),
    };

    /// <summary>Package installs change the host: generated input runs in check mode, and every package and account command is a refusing fake.</summary>
    private static ModuleDescriptor SlurmPackages() => new("slurm_packages")
    {
        Options =
        [
            Opt("roles", List) with { Choices = ["controller", "dbd", "login", "compute"] },
            Opt("configless", Bool),
            Opt("version", Str),
            Opt("state", Str) with { Choices = ["present", "absent", "latest"] },
            Opt("extra_packages", List),
            Opt("slurm_uid", Int),
            Opt("slurm_gid", Int),
            Opt("munge_uid", Int),
            Opt("munge_gid", Int),
            Opt("update_cache", Bool),
        ],
        Args = _ => new JsonObject { ["roles"] = new JsonArray("compute"), ["_ansible_check_mode"] = true },
        Commands = ["apt-get", "apt-cache", "dpkg", "dpkg-query", "rpm", "dnf", "yum", "useradd", "groupadd", "usermod", "groupmod"],
        ApplyIsSafe = false,
    };

    /// <summary>Read-only: gathers host facts (packages through dpkg-query/rpm, the weka CLI: all faked) and compares hosts.</summary>
    private static ModuleDescriptor ClusterPreflight() => new("cluster_preflight")
    {
        Options =
        [
            Opt("reference_epoch", Float),
            Opt("clock_offset_seconds", Float),
            Opt("controllers", List),
            Opt("nics", List),
            Opt("accounts", List),
            Opt("munge_key_path", ArgType.Path),
            Opt("weka_service_conf", ArgType.Path),
            Opt("cgroup_root", ArgType.Path),
            Opt("hosts", Dict),
            Opt("missing_hosts", List),
            Opt("reference_host", Str),
            Opt("max_clock_skew", Float),
            Opt("ignore", List) with
            {
                Choices =
                [
                    "facts", "clock_skew", "account_ids", "controller_resolution", "real_memory", "mem_spec_limit", "cgroup_plugin",
                    "cgroup_controllers", "weka_nic", "weka_numa", "weka_agent", "slurm_version", "munge_key",
                ],
            },
        ],
        Seed = s =>
        {
            Secrets.MungeKeys.Seed(s);
            s.Write("wekaio/service.conf", "[global]\nisolate_cpusets=false\n");
            s.Write("cgroup/cgroup.controllers", "cpuset cpu io memory pids\n");
        },
        Args = s => new JsonObject
        {
            ["munge_key_path"] = Secrets.MungeKeys.Path(s),
            ["weka_service_conf"] = s.File("wekaio/service.conf"),
            ["cgroup_root"] = s.File("cgroup"),
        },
        Managed = s => [Secrets.MungeKeys.Path(s), s.File("wekaio/service.conf")],
        Commands = ["weka", "dpkg-query", "rpm", "apt-get", "dnf", "yum", "getent", "scontrol", "slurmd"],
    };

    /// <summary>Read-only: audits the WEKA and Slurm CPU sets of a host tree (here an empty one) against scontrol's output (given, or a fake scontrol).</summary>
    private static ModuleDescriptor WekaSlurmCpuAudit() => new("weka_slurm_cpu_audit")
    {
        Options =
        [
            Opt("root", ArgType.Path),
            Opt("node_name", Str),
            Opt("scontrol_output", Str),
            Opt("weka_cgroup", Str),
            Opt("fail_on_overlap", Bool),
        ],
        Seed = s => s.Write("host/sys/fs/cgroup/cgroup.controllers", "cpuset cpu memory\n"),
        Args = s => new JsonObject
        {
            ["root"] = s.File("host"),
            ["node_name"] = "node001",
            ["scontrol_output"] = "NodeName=node001 Arch=x86_64 CoresPerSocket=4\n   CPUAlloc=0 CPUEfctv=6 CPUTot=8 CPULoad=0.00\n   CPUSpecList=6-7\n   RealMemory=15000 AllocMem=0 FreeMem=8000 Sockets=1 Boards=1\n   State=IDLE ThreadsPerCore=2\n",
        },
        Managed = s => [s.File("host/sys/fs/cgroup/cgroup.controllers")],
        Commands = ["scontrol"],
    };

}
