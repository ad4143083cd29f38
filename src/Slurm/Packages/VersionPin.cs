namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>
/// A Slurm version pin as admins write it: "22.05.8" (any packaging of 22.05.8), "22.05" (any
/// 22.05.x), or a full package version ("22.05.8-4+deb12u3", "22.05.9-1.el8"). A pin matches a
/// package version that equals it or continues it at a component boundary; the epoch is ignored
/// unless the pin has one.
/// </summary>
public static class VersionPin
{
    // Not '~': in both dpkg and rpm "1.0~rc1" is a pre-release that sorts before 1.0, another version.
    private static readonly char[] Boundaries = ['-', '.', '+'];

    public static bool Matches(string pin, string version)
    {
        var v = pin.Contains(':') ? version : WithoutEpoch(version);
        return v == pin || (v.StartsWith(pin, StringComparison.Ordinal) && Boundaries.Contains(v[pin.Length]));
    }

    public static string WithoutEpoch(string version)
    {
        var colon = version.IndexOf(':');
        return colon >= 0 && version[..colon].All(char.IsAsciiDigit) ? version[(colon + 1)..] : version;
    }

    /// <summary>The upstream part of a package version: no epoch, no Debian revision or RPM release.</summary>
    public static string Upstream(string version)
    {
        var v = WithoutEpoch(version);
        var dash = v.LastIndexOf('-');
        return dash > 0 ? v[..dash] : v;
    }

    /// <summary>
    /// The newest of <paramref name="available"/> (in apt's order, newest first) that the pin matches, or null.
    /// </summary>
    public static string? PickFrom(string pin, IEnumerable<string> available) => available.FirstOrDefault(v => Matches(pin, v));

    /// <summary>
    /// The dnf/yum argument installing the pinned version: name-version[-release] selects that exact
    /// version (any release); a shorter pin ("22.05") becomes a glob so dnf takes the newest 22.05.x.
    /// </summary>
    public static string RpmSpec(string package, string pin)
    {
        var exact = pin.Contains('-') || pin.Count(c => c == '.') >= 2;
        return exact ? $"{package}-{pin}" : $"{package}-{pin}.*";
    }

    /// <summary>A pin is a version string; "latest"/"any" are not pins, and nothing with spaces or shell-like characters is.</summary>
    public static string? Validate(string pin)
    {
        if (pin.Length == 0 || !char.IsAsciiDigit(pin[0]) || pin.Any(c => !(char.IsAsciiLetterOrDigit(c) || ".-+~:_".Contains(c))))
        {
            return "must be a package version such as 22.05.8 or 22.05.8-4+deb12u3 (digits first; letters, digits and . - + ~ : _ only), 'latest' or 'any'";
        }

        return null;
    }
}
