using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.GresConf;

/// <summary>One gres.conf line a task asks for, keys in Slurm's spelling (Name required; null removes a key).</summary>
public sealed record GresLineSpec(IReadOnlyList<KeyValuePair<string, DesiredValue?>> Attributes)
{
    public string? this[string key] =>
        Attributes.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.Text;
}

/// <summary>The gres.conf a task asks for.</summary>
public sealed record GresConfRequest
{
    /// <summary>The global AutoDetect line (nvml, rsmi, off...); null value removes it; not given: left alone.</summary>
    public KeyValuePair<string, DesiredValue?>? AutoDetect { get; init; }

    public IReadOnlyList<GresLineSpec> Lines { get; init; } = [];

    /// <summary>Remove the lines not given in <see cref="Lines"/>.</summary>
    public bool Exclusive { get; init; }

    public VersionRules Rules { get; init; } = new(null);
}
