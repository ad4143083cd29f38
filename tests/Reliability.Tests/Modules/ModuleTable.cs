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
    ];

    public static ModuleDescriptor Get(string name) => All.Single(m => m.Name == name);

    public static IEnumerable<object[]> Names() => All.Select(m => new object[] { m.Name });

    public static IEnumerable<object[]> Writers() => All.Where(m => m.Writes).Select(m => new object[] { m.Name });

    private static OptionShape Opt(string name, ArgType type) => new(name, type) { IsPath = type == ArgType.Path };

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
        Change = (s, g) => new JsonObject
        {
            ["path"] = s.File("wekaio/service.conf"),
            ["settings"] = new JsonObject { ["isolate_cpusets"] = false, ["reliability_generation"] = g },
            ["backup"] = true,
        },
        // ~40 MB of value: the write (and its fsync) takes long enough to be killed in the middle.
        BigChange = (s, g) => new JsonObject
        {
            ["path"] = s.File("wekaio/service.conf"),
            ["settings"] = new JsonObject { ["reliability_generation"] = g, ["ballast"] = new string((char)('a' + (g % 26)), 40 << 20) },
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
        Seed = SysfsTree.Write,
        Args = s => new JsonObject { ["root"] = s.File("host"), ["weka_core_count"] = 1, ["weka_nic"] = "ib0" },
        // Read-only: the tree it reads must come out as it went in.
        Managed = SysfsTree.Files,
    };
}
