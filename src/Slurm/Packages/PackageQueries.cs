namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>
/// Reads what the package tools print (run with LC_ALL=C). Pure functions over captured output,
/// so the RPM side is tested with outputs captured on RHEL-family hosts.
/// </summary>
public static partial class PackageQueries
{
    // apt's "The following packages have unmet dependencies:" rows, e.g. " slurmd : Depends: x (= 1) but 2 is to be installed".
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s+\S+ : (Pre-)?(Depends|Conflicts|Breaks): ")]
    private static partial System.Text.RegularExpressions.Regex UnmetRelation();

    /// <summary>The dpkg-query format <see cref="ParseDpkgQuery"/> reads.</summary>
    public const string DpkgFormat = "${Package}\t${Status}\t${Version}\n";

    /// <summary>The rpm -q format <see cref="ParseRpmQuery"/> reads.</summary>
    public const string RpmFormat = "%{NAME}\t%{EPOCH}\t%{VERSION}\t%{RELEASE}\n";

    /// <summary>Installed packages from <c>dpkg-query -W -f DpkgFormat</c>: only "... installed" counts (not config-files, not half-configured).</summary>
    public static Dictionary<string, string> ParseDpkgQuery(string stdout)
    {
        var installed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(stdout))
        {
            var f = line.Split('\t');
            if (f.Length == 3 && f[1].Split(' ', StringSplitOptions.RemoveEmptyEntries) is [_, _, "installed"] && f[2].Length > 0)
            {
                installed.TryAdd(f[0], f[2]);
            }
        }

        return installed;
    }

    /// <summary>Installed packages from <c>rpm -q --qf RpmFormat</c>; "package X is not installed" lines are skipped.</summary>
    public static Dictionary<string, string> ParseRpmQuery(string stdout)
    {
        var installed = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in Lines(stdout))
        {
            var f = line.Split('\t');
            if (f.Length == 4)
            {
                var version = $"{f[2]}-{f[3]}";
                installed[f[0]] = f[1] is "(none)" or "" or "0" ? version : $"{f[1]}:{version}";
            }
        }

        return installed;
    }

    /// <summary>Available versions per package from <c>apt-cache madison</c>, in apt's order (newest first), each once.</summary>
    public static Dictionary<string, List<string>> ParseAptMadison(string stdout)
    {
        var available = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var line in Lines(stdout))
        {
            var f = line.Split('|', StringSplitOptions.TrimEntries);
            if (f.Length >= 3 && f[0].Length > 0 && f[1].Length > 0)
            {
                var versions = available.TryGetValue(f[0], out var list) ? list : available[f[0]] = [];
                if (!versions.Contains(f[1]))
                {
                    versions.Add(f[1]);
                }
            }
        }

        return available;
    }

    /// <summary>Candidate versions from <c>apt-cache policy</c>: the version apt would install (null: none available).</summary>
    public static Dictionary<string, string?> ParseAptPolicy(string stdout)
    {
        var candidates = new Dictionary<string, string?>(StringComparer.Ordinal);
        string? package = null;
        foreach (var line in Lines(stdout))
        {
            if (!char.IsWhiteSpace(line[0]) && line.EndsWith(':'))
            {
                package = line[..^1];
            }
            else if (package is not null && line.TrimStart().StartsWith("Candidate:", StringComparison.Ordinal))
            {
                var candidate = line.TrimStart()["Candidate:".Length..].Trim();
                candidates[package] = candidate is "(none)" or "" ? null : candidate;
            }
        }

        return candidates;
    }

    /// <summary>
    /// Newer versions from <c>dnf/yum check-update</c> (exit 100 when there are some): "name.arch version repo"
    /// rows, which dnf wraps onto two lines when the name is long. The "Obsoleting Packages" part is ignored.
    /// </summary>
    public static Dictionary<string, string> ParseCheckUpdate(string stdout)
    {
        var updates = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new List<string>();
        foreach (var line in Lines(stdout))
        {
            if (line.StartsWith("Obsoleting", StringComparison.Ordinal))
            {
                break;
            }

            pending.AddRange(line.Split(' ', '\t').Where(t => t.Length > 0));
            if (pending.Count < 3)
            {
                continue;
            }

            if (pending.Count == 3 && pending[0].LastIndexOf('.') is > 0 and var dot && char.IsAsciiDigit(pending[1][0]))
            {
                updates[pending[0][..dot]] = pending[1];
            }

            pending.Clear();
        }

        return updates;
    }

    /// <summary>Package names a simulated removal (<c>apt-get -s remove</c>) would take away: "Remv NAME [VERSION]".</summary>
    public static List<string> ParseAptSimulatedRemovals(string stdout) =>
        Lines(stdout).Where(l => l.StartsWith("Remv ", StringComparison.Ordinal))
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])
            .Select(n => n.Split(':')[0])
            .ToList();

    /// <summary>
    /// Exact-version dependencies from <c>apt-cache show NAME=VERSION...</c>: for each stanza, every
    /// "Depends"/"Pre-Depends" relation <c>dep (= version)</c> without alternatives. apt installs a
    /// dependency at its candidate version only, so a pinned package needs these pinned along with it.
    /// </summary>
    public static List<(string Package, string Version, string Dependency, string DependencyVersion)> ParseExactDepends(string stdout)
    {
        var found = new List<(string, string, string, string)>();
        foreach (var stanza in stdout.Replace("\r", string.Empty).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = Fields(stanza);
            if (!fields.TryGetValue("Package", out var package) || !fields.TryGetValue("Version", out var version))
            {
                continue;
            }

            var relations = string.Join(',', new[] { "Pre-Depends", "Depends" }.Select(f => fields.GetValueOrDefault(f)).OfType<string>());
            foreach (var relation in relations.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (!relation.Contains('|') && ExactRelation(relation) is { } exact)
                {
                    found.Add((package, version, exact.Name, exact.Version));
                }
            }
        }

        return found;
    }

    private static Dictionary<string, string> Fields(string stanza)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        string? last = null;
        foreach (var line in stanza.Split('\n'))
        {
            if (line.StartsWith(' ') && last is not null)
            {
                fields[last] += " " + line.Trim();
            }
            else if (line.IndexOf(':') is > 0 and var colon)
            {
                last = line[..colon];
                fields[last] = line[(colon + 1)..].Trim();
            }
        }

        return fields;
    }

    /// <summary>"name[:arch] (= version)" -> (name, version); any other relation -> null.</summary>
    private static (string Name, string Version)? ExactRelation(string relation)
    {
        var open = relation.IndexOf('(');
        var close = relation.IndexOf(')');
        if (open < 0 || close < open)
        {
            return null;
        }

        var constraint = relation[(open + 1)..close].Trim();
        if (!constraint.StartsWith('=') || constraint.StartsWith("=>", StringComparison.Ordinal))
        {
            return null;
        }

        return (relation[..open].Trim().Split(':')[0], constraint[1..].Trim());
    }

    /// <summary>
    /// The lines of a failed package command that say why ("E: ...", "Error: ...", "No match for
    /// argument", rpm's "error: ..."), else its last lines: the package manager's own words.
    /// </summary>
    public static string Reason(string stdout, string stderr)
    {
        var all = Lines(stderr).Concat(Lines(stdout)).ToList();
        var reasons = all.Where(l => l.StartsWith("E: ", StringComparison.Ordinal) || l.StartsWith("Error", StringComparison.Ordinal) ||
                                     UnmetRelation().IsMatch(l) ||
                                     l.StartsWith("error:", StringComparison.Ordinal) || l.StartsWith("No match for argument", StringComparison.Ordinal) ||
                                     l.StartsWith("No package", StringComparison.Ordinal) || l.StartsWith('\t'))
            .Select(l => l.Trim())
            .Distinct()
            .ToList();
        var chosen = reasons.Count > 0 ? reasons : (Lines(stderr).Any() ? Lines(stderr) : Lines(stdout)).TakeLast(5).ToList();
        return chosen.Count == 0 ? "(no output)" : string.Join(" / ", chosen);
    }

    private static IEnumerable<string> Lines(string text) =>
        text.Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0);
}
