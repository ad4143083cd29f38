using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Facts;

/// <summary>
/// <see cref="HostFacts"/> as <c>ansible_facts.cluster_preflight</c>, and back: the comparison reads
/// exactly what gathering wrote (Ansible hands it over through hostvars).
/// </summary>
public static class FactsJson
{
    public static JsonObject Write(HostFacts f) => new()
    {
        ["hostname"] = f.Hostname,
        ["clock"] = new JsonObject
        {
            ["epoch"] = Math.Round(f.Clock.Epoch, 6),
            ["reference_epoch"] = f.Clock.ReferenceEpoch,
            ["offset_seconds"] = f.Clock.OffsetSeconds is { } offset ? Math.Round(offset, 6) : null,
            ["test_offset_seconds"] = f.Clock.TestOffsetSeconds,
        },
        ["accounts"] = Map(f.Accounts, a => a is null ? null : new JsonObject
        {
            ["uid"] = a.Uid,
            ["gid"] = a.Gid,
            ["primary_gid"] = a.PrimaryGid,
        }),
        ["controllers"] = Map(f.Controllers, r => new JsonObject
        {
            ["resolved"] = r.Resolved,
            ["addresses"] = Strings(r.Addresses),
            ["error"] = r.Error,
        }),
        ["memory"] = new JsonObject
        {
            ["mem_total_kib"] = f.Memory.MemTotalKiB,
            ["page_size"] = f.Memory.PageSize,
            ["real_memory"] = f.Memory.RealMemory,
        },
        ["cgroup"] = new JsonObject
        {
            ["root"] = f.Cgroup.Root,
            ["hierarchy"] = f.Cgroup.Hierarchy,
            ["controllers"] = Strings(f.Cgroup.Controllers),
        },
        ["nics"] = Map(f.Nics, n => new JsonObject
        {
            ["exists"] = n.Exists,
            ["numa_node"] = n.NumaNode,
            ["local_cpus"] = n.LocalCpus,
            ["error"] = n.Error,
        }),
        ["weka"] = new JsonObject
        {
            ["agent_installed"] = f.Weka.AgentInstalled,
            ["agent_unit"] = f.Weka.AgentUnit,
            ["cli"] = f.Weka.Cli,
            ["service_conf"] = f.Weka.ServiceConf,
            ["service_conf_exists"] = f.Weka.ServiceConfExists,
        },
        ["packages"] = new JsonObject
        {
            ["manager"] = f.Packages.Manager,
            ["installed"] = Map(f.Packages.Installed, v => (JsonNode?)v),
            ["slurm_versions"] = Strings(f.Packages.SlurmVersions),
            ["slurm_daemon_version"] = f.Packages.SlurmDaemonVersion,
            ["munge_version"] = f.Packages.MungeVersion,
            ["error"] = f.Packages.Error,
        },
        ["munge_key"] = new JsonObject
        {
            ["path"] = f.MungeKey.Path,
            ["exists"] = f.MungeKey.Fingerprint is not null,
            ["fingerprint"] = f.MungeKey.Fingerprint,
            ["size"] = f.MungeKey.Size,
            ["error"] = f.MungeKey.Error,
        },
    };

    /// <exception cref="FormatException">A key is missing or has the wrong type; the message names its path.</exception>
    public static HostFacts Read(JsonNode? node, string path) => Read(JsonFields.Of(node, path));

    /// <exception cref="FormatException">A key is missing or has the wrong type; the message names its path.</exception>
    public static HostFacts Read(JsonFields f)
    {
        var clock = f.Dict("clock");
        var accounts = f.Dict("accounts");
        var memory = f.Dict("memory");
        var cgroup = f.Dict("cgroup");
        var weka = f.Dict("weka");
        var packages = f.Dict("packages");
        var key = f.Dict("munge_key");
        return new HostFacts
        {
            Hostname = f.Str("hostname"),
            Clock = new ClockFact(clock.Double("epoch"), clock.OptionalDouble("reference_epoch"), clock.OptionalDouble("test_offset_seconds") ?? 0),
            Accounts = accounts.Keys.ToDictionary(
                k => k,
                k => accounts.OptionalDict(k) is { } a ? new AccountFact(a.Long("uid"), a.Long("primary_gid"), a.OptionalLong("gid")) : null,
                StringComparer.Ordinal),
            Controllers = Entries(f.Dict("controllers"), r => new ResolutionFact(r.StrList("addresses"), r.OptionalStr("error"))),
            Memory = new MemoryFact(memory.Long("mem_total_kib"), memory.Long("page_size"), memory.Long("real_memory")),
            Cgroup = new CgroupFact(cgroup.Str("root"), cgroup.Str("hierarchy"), cgroup.StrList("controllers")),
            Nics = Entries(f.Dict("nics"), n => new NicFact(n.Bool("exists"), (int?)n.OptionalLong("numa_node"), n.OptionalStr("local_cpus"), n.OptionalStr("error"))),
            Weka = new WekaFact(weka.OptionalStr("agent_unit"), weka.OptionalStr("cli"), weka.Str("service_conf"), weka.Bool("service_conf_exists")),
            Packages = new PackagesFact(
                packages.OptionalStr("manager"),
                packages.StrDict("installed"),
                packages.StrList("slurm_versions"),
                packages.OptionalStr("slurm_daemon_version"),
                packages.OptionalStr("munge_version"),
                packages.OptionalStr("error")),
            MungeKey = new MungeKeyFact(key.Str("path"), key.OptionalStr("fingerprint"), (int?)key.OptionalLong("size"), key.OptionalStr("error")),
        };
    }

    private static Dictionary<string, T> Entries<T>(JsonFields dict, Func<JsonFields, T> read) =>
        dict.Keys.ToDictionary(k => k, k => read(dict.Dict(k)), StringComparer.Ordinal);

    private static JsonObject Map<T>(IReadOnlyDictionary<string, T> values, Func<T, JsonNode?> write) =>
        new(values.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => KeyValuePair.Create(kv.Key, write(kv.Value))));

    private static JsonArray Strings(IEnumerable<string> values) => new([.. values.Select(v => (JsonNode?)v)]);
}
