using System.Globalization;
using System.Text.RegularExpressions;

namespace HpcWekaSlurm.Slurm.Versions;

/// <summary>A Slurm release (year.month.patch), as <c>slurmd -V</c> prints it or an admin writes it.</summary>
public sealed partial record SlurmVersion(int Major, int Minor, int Patch) : IComparable<SlurmVersion>
{
    [GeneratedRegex(@"(?<!\d)(\d{2})\.(\d{1,2})(?:\.(\d+))?", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Reads "22.05", "24.11.5", "slurm-wlm 22.05.8" or "slurm 24.11.5-1"; null when there is no version in it.</summary>
    public static SlurmVersion? TryParse(string? text)
    {
        if (text is null || Pattern().Match(text) is not { Success: true } m)
        {
            return null;
        }

        return new SlurmVersion(
            int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
            m.Groups[3].Success && int.TryParse(m.Groups[3].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var patch) ? patch : 0);
    }

    public int CompareTo(SlurmVersion? other) =>
        other is null ? 1 : (Major, Minor, Patch).CompareTo((other.Major, other.Minor, other.Patch));

    public bool AtLeast(int major, int minor) => (Major, Minor).CompareTo((major, minor)) >= 0;

    public override string ToString() => $"{Major:00}.{Minor:00}.{Patch}";
}
