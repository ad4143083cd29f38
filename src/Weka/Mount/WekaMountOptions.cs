namespace HpcWekaSlurm.Weka.Mount;

/// <summary>How the WEKA client talks to the cluster: DPDK (dedicated cores and NICs) or UDP through the kernel.</summary>
public enum WekaNetworkMode
{
    Dpdk,
    Udp,
}

/// <summary>
/// The options of a wekafs mount, in the terms of WEKA's mount command, with their validation and
/// their rendering as <c>mount -o</c> and fstab option lists.
/// </summary>
public sealed record WekaMountOptions
{
    /// <summary>What WEKA's fstab instructions add so systemd mounts the filesystem after the agent, without a timeout.</summary>
    public static readonly IReadOnlyList<string> DefaultSystemdOptions =
        ["x-systemd.after=weka-agent.service", "x-systemd.mount-timeout=infinity", "_netdev"];

    /// <summary>Raw options that have an option of their own here: setting them twice would conflict.</summary>
    private static readonly Dictionary<string, string> Managed = new(StringComparer.Ordinal)
    {
        ["core"] = "cores",
        ["num_cores"] = "num_cores",
        ["net"] = "net (or mode: udp)",
        ["memory_mb"] = "memory_mb",
        ["mgmt_ip"] = "mgmt_ip",
        ["container_name"] = "container_name",
        ["readcache"] = "readcache",
        ["writecache"] = "writecache",
        ["forcedirect"] = "forcedirect",
        ["ro"] = "readonly",
        ["rw"] = "readonly",
        ["remount"] = "state: remounted",
    };

    public WekaNetworkMode Mode { get; init; } = WekaNetworkMode.Dpdk;

    /// <summary>OS CPU ids for the client's frontend processes, one <c>core=</c> each.</summary>
    public IReadOnlyList<long> Cores { get; init; } = [];

    public long? NumCores { get; init; }

    /// <summary>NIC specs <c>dev[/ip/bits[/gw]]</c>, one <c>net=</c> each (DPDK mode).</summary>
    public IReadOnlyList<string> Net { get; init; } = [];

    public long? MemoryMb { get; init; }

    public string? MgmtIp { get; init; }

    public string? ContainerName { get; init; }

    public bool ReadCache { get; init; }

    public bool WriteCache { get; init; }

    public bool ForceDirect { get; init; }

    public bool ReadOnly { get; init; }

    /// <summary>Further raw options (<c>readahead_kb=32768</c>, <c>dpdk_base_memory_mb=16</c>, <c>nofail</c>...).</summary>
    public IReadOnlyList<string> Extra { get; init; } = [];

    public IReadOnlyList<string> SystemdOptions { get; init; } = DefaultSystemdOptions;

    public IReadOnlyList<MountInputError> Validate()
    {
        var errors = new List<MountInputError>();
        void Error(string option, string message) => errors.Add(new MountInputError(option, message));

        if (Cores.Count > 0 && NumCores is not null)
        {
            Error("cores", "'cores' and 'num_cores' are mutually exclusive: give dedicated cores (core=) or a number of cores (num_cores=), not both");
        }

        if (Cores.Any(c => c < 0))
        {
            Error("cores", $"CPU ids cannot be negative: {string.Join(", ", Cores.Where(c => c < 0))}");
        }

        if (Cores.Contains(0))
        {
            Error("cores", "core 0 is not allowed: WEKA leaves CPU 0 to the operating system; pick another core (from the NUMA node of the data NIC)");
        }

        var duplicates = Cores.GroupBy(c => c).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            Error("cores", $"core {string.Join(", ", duplicates)} is listed more than once; each CPU can serve one frontend process");
        }

        if (Mode == WekaNetworkMode.Udp && Cores.Count > 0)
        {
            Error("cores", "UDP mode uses no dedicated cores: remove 'cores' (or use mode: dpdk)");
        }

        if (NumCores < 0)
        {
            Error("num_cores", $"must be 0 or more, got {NumCores}");
        }
        else if (NumCores == 0 && Mode != WekaNetworkMode.Udp)
        {
            Error("num_cores", "num_cores: 0 is only valid in UDP mode (set mode: udp), DPDK needs at least one core");
        }

        if (Mode == WekaNetworkMode.Udp && Net.Count > 0)
        {
            Error("net", "UDP mode takes no NIC list (it mounts with net=udp): remove 'net' or use mode: dpdk");
        }

        foreach (var spec in Net)
        {
            if (spec.Equals("udp", StringComparison.OrdinalIgnoreCase))
            {
                Error("net", "write mode: udp instead of net: [udp]");
            }
            else if (NetSpec.Parse(spec, out var problem) is null)
            {
                Error("net", $"'{spec}': {problem}");
            }
        }

        if (MemoryMb is <= 0)
        {
            Error("memory_mb", $"must be a positive number of MiB, got {MemoryMb}");
        }

        if (MgmtIp is not null && (MgmtIp.Length == 0 || MgmtIp.Split('+').Any(ip => NetSpec.ParseAddress(ip) is null)))
        {
            Error("mgmt_ip", $"'{MgmtIp}' is not an IP address (several are joined with '+')");
        }

        if (ContainerName is not null && (ContainerName.Length == 0 || !ContainerName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            Error("container_name", $"'{ContainerName}' must be a non-empty name of letters, digits, '-', '_' or '.'");
        }

        var cacheModes = new[] { (ReadCache, "readcache"), (WriteCache, "writecache"), (ForceDirect, "forcedirect") }.Where(m => m.Item1).Select(m => m.Item2).ToList();
        if (cacheModes.Count > 1)
        {
            Error(cacheModes[0], $"{string.Join(", ", cacheModes)} are exclusive cache modes: choose one");
        }

        ValidateRaw("options", Extra, errors, checkManaged: true);
        ValidateRaw("systemd_options", SystemdOptions, errors, checkManaged: false);
        return errors;
    }

    /// <summary>The options <c>mount -o</c> gets: everything WEKA reads, nothing that is only for fstab or systemd.</summary>
    public IReadOnlyList<MountOption> MountArguments() => AllOptions().Where(o => !MountOptionString.IsFstabOnly(o)).ToList();

    /// <summary>The options of the fstab line: the mount options, then fstab-only extras, then the systemd options.</summary>
    public IReadOnlyList<MountOption> FstabOptions()
    {
        var options = AllOptions();
        var systemd = SystemdOptions.Select(MountOption.Parse).Where(o => !options.Contains(o)).ToList();
        options.AddRange(systemd);
        return options;
    }

    private List<MountOption> AllOptions()
    {
        var options = new List<MountOption>();
        options.AddRange(Cores.Select(c => new MountOption("core", c.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        if (NumCores is { } n)
        {
            options.Add(new MountOption("num_cores", n.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        options.AddRange(Mode == WekaNetworkMode.Udp ? [new MountOption("net", "udp")] : Net.Select(n => new MountOption("net", n)));
        if (MemoryMb is { } memory)
        {
            options.Add(new MountOption("memory_mb", memory.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Add(options, "mgmt_ip", MgmtIp);
        Add(options, "container_name", ContainerName);
        Flag(options, "readcache", ReadCache);
        Flag(options, "writecache", WriteCache);
        Flag(options, "forcedirect", ForceDirect);
        Flag(options, "ro", ReadOnly);
        options.AddRange(Extra.Select(MountOption.Parse));
        return options;
    }

    private static void Add(List<MountOption> options, string key, string? value)
    {
        if (value is not null)
        {
            options.Add(new MountOption(key, value));
        }
    }

    private static void Flag(List<MountOption> options, string key, bool on)
    {
        if (on)
        {
            options.Add(new MountOption(key, null));
        }
    }

    private static void ValidateRaw(string option, IReadOnlyList<string> items, List<MountInputError> errors, bool checkManaged)
    {
        foreach (var item in items)
        {
            if (item.Length == 0 || item.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c == ','))
            {
                errors.Add(new MountInputError(option, $"'{item}' must be one non-empty option without blanks or commas (give each option as a list item)"));
            }
            else if (checkManaged && Managed.TryGetValue(MountOption.Parse(item).Key, out var instead))
            {
                errors.Add(new MountInputError(option, $"'{item}' has an option of its own: use {instead}"));
            }
        }
    }
}
