using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.GresConf;

/// <summary>One gres.conf line a task asks for, keys in Slurm's spelling (Name required; null removes a key).</summary>
public sealed record GresLineSpec(IReadOnlyList<KeyValuePair<string, DesiredValue?>> Attributes)
{
    public string? this[string key] =>
        Attributes.FirstOrDefault(a => string.Equals(a.Key, key, StringComparison.OrdinalIgnoreCase)).Value?.Text;

    /// <summary>Reads a whole gres.conf line such as <c>NodeName=gpu[1-4] Name=gpu Type=a100 File=/dev/nvidia[0-7]</c>.</summary>
    /// <exception cref="ArgumentException">Not a gres.conf line of Key=Value pairs.</exception>
    public static GresLineSpec FromLine(string text)
    {
        var record = ConfRecord.Parse(ConfText.FromUser(text.Trim()), ConfDialect.GresConf);
        if (record.Kind != ConfRecordKind.Line || record.Leftover.Length > 0)
        {
            throw new ArgumentException($"'{text}' is not a gres.conf line (Name=... or NodeName=... followed by Key=Value pairs)");
        }

        return new GresLineSpec(record.Pairs.Select(p => new KeyValuePair<string, DesiredValue?>(p.Key, DesiredValue.Of(ConfText.ToDisplay(p.Value)))).ToList());
    }
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

    /// <summary>slurm.conf's GresTypes, when known: slurmd ignores gres.conf lines of other names.</summary>
    public string? GresTypes { get; init; }
}
