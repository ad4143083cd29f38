using System.Text;

namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>
/// dpkg's database read in place: the answer <c>dpkg-query -W</c> gives (read with
/// <see cref="PackageQueries.ParseDpkgQuery"/>) without starting a process, which costs about
/// 10 ms on every unchanged run. Only used when the files are the whole truth; otherwise
/// <see cref="ForHost"/> says null and callers ask dpkg-query.
/// </summary>
public sealed class DpkgDatabase
{
    public const string DefaultAdminDir = "/var/lib/dpkg";

    private readonly string _adminDir;

    /// <summary>Packages looked up so far: the installed version, or null when not installed.</summary>
    private readonly Dictionary<string, string?> _known = new(StringComparer.Ordinal);

    private DpkgDatabase(string adminDir) => _adminDir = adminDir;

    /// <summary>
    /// This host's database, or null when dpkg-query must answer: dpkg's environment points it at
    /// another database (DPKG_ADMINDIR, DPKG_ROOT), or the database is not there.
    /// </summary>
    public static DpkgDatabase? ForHost() =>
        Environment.GetEnvironmentVariable("DPKG_ADMINDIR") is { Length: > 0 } || Environment.GetEnvironmentVariable("DPKG_ROOT") is { Length: > 0 }
            ? null
            : Open(DefaultAdminDir);

    /// <summary>
    /// The database under <paramref name="adminDir"/>, or null when its status file is missing or
    /// updates are journalled that dpkg has not merged into it yet (dpkg-query applies those).
    /// </summary>
    public static DpkgDatabase? Open(string adminDir)
    {
        if (!File.Exists(Path.Combine(adminDir, "status")))
        {
            return null;
        }

        var updates = Path.Combine(adminDir, "updates");
        // dpkg names journal entries with digits only (it ignores its own tmp.i).
        return Directory.Exists(updates) && Directory.EnumerateFiles(updates).Any(f => Path.GetFileName(f).All(char.IsAsciiDigit))
            ? null
            : new DpkgDatabase(adminDir);
    }

    /// <summary>
    /// Installed versions of <paramref name="packages"/> as dpkg-query reports them: only "... installed"
    /// counts. Null when a name is a pattern or arch-qualified (dpkg-query's own matching applies) or
    /// the file cannot be read.
    /// </summary>
    public Dictionary<string, string>? Installed(IEnumerable<string> packages)
    {
        var wanted = packages.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Any(n => n.AsSpan().IndexOfAny("*?[]:\\") >= 0))
        {
            return null;
        }

        if (wanted.Where(n => !_known.ContainsKey(n)).ToHashSet(StringComparer.Ordinal) is { Count: > 0 } unknown)
        {
            try
            {
                using var status = File.OpenRead(Path.Combine(_adminDir, "status"));
                var found = ParseInstalled(status, unknown);
                foreach (var name in unknown)
                {
                    _known[name] = found.GetValueOrDefault(name);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return null;
            }
        }

        return wanted.Where(n => _known[n] is not null).ToDictionary(n => n, n => _known[n]!, StringComparer.Ordinal);
    }

    /// <summary>
    /// The installed version of <paramref name="package"/> when that package put the file at
    /// <paramref name="path"/> there (its info/NAME.list names it, symlinks such as Debian's
    /// alternatives and a merged /usr resolved on both sides); else null.
    /// </summary>
    public string? VersionOwning(string package, string path)
    {
        if (Installed([package]) is not { Count: 1 } installed)
        {
            return null;
        }

        var file = ResolveLinks(path, 0);
        var name = Path.GetFileName(file);
        var list = Path.Combine(_adminDir, "info", package + ".list");
        return ReadLines(list).Any(l => Path.GetFileName(l) == name && ResolveLinks(l, 0) == file) ? installed.Values.Single() : null;
    }

    /// <summary>
    /// Reads a status file (deb822 stanzas; dpkg's field names are case-insensitive, continuation
    /// lines start with a space): the Version of each stanza whose Package is in <paramref name="wanted"/>
    /// and whose Status ends in "installed". The first installed instance of a name wins, as in
    /// <see cref="PackageQueries.ParseDpkgQuery"/> (the instances of a Multi-Arch: same package share one
    /// version). Only those stanzas become strings, and the rest of a stanza whose Package is not wanted
    /// is skipped to its blank line in one search: the file holds every package of the host (dpkg
    /// writes Package first in each stanza).
    /// </summary>
    public static Dictionary<string, string> ParseInstalled(Stream status, IReadOnlySet<string> wanted)
    {
        var names = wanted.Select(n => (Name: n, Bytes: Encoding.UTF8.GetBytes(n))).ToList();
        var installed = new Dictionary<string, string>(StringComparer.Ordinal);
        string? package = null;
        var isInstalled = false;
        string? version = null;
        var skipping = false;
        void EndOfStanza()
        {
            if (package is not null && isInstalled && version is { Length: > 0 })
            {
                installed.TryAdd(package, version);
            }

            (package, isInstalled, version) = (null, false, null);
        }

        string? Wanted(ReadOnlySpan<byte> name)
        {
            foreach (var (text, bytes) in names)
            {
                if (name.SequenceEqual(bytes))
                {
                    return text;
                }
            }

            return null;
        }

        // Most lines are continuation lines (descriptions, conffiles) or other fields: the first
        // byte rules them out before any comparison.
        void Line(ReadOnlySpan<byte> line)
        {
            if (line.IsEmpty)
            {
                EndOfStanza();
                return;
            }

            switch (line[0] | 0x20)
            {
                case 'p' when Field(line, "Package"u8, out var name):
                    package = Wanted(name);
                    skipping = package is null;
                    break;
                case 's' when package is not null && Field(line, "Status"u8, out var state):
                    isInstalled = Installed(state);
                    break;
                case 'v' when package is not null && Field(line, "Version"u8, out var value):
                    version = Encoding.UTF8.GetString(value);
                    break;
            }
        }

        // Read in blocks (the file is about 1 MB on a server): whole lines are parsed, a partial one
        // waits for the next block; while skipping, only a newline that may start the blank line is kept.
        var buffer = new byte[64 * 1024];
        var filled = 0;
        while (true)
        {
            var read = status.Read(buffer, filled, buffer.Length - filled);
            filled += read;
            var pending = buffer.AsSpan(0, filled);
            while (true)
            {
                if (skipping)
                {
                    var blank = pending.IndexOf("\n\n"u8);
                    if (blank < 0)
                    {
                        pending = pending.EndsWith("\n"u8) ? pending[^1..] : [];
                        break;
                    }

                    pending = pending[(blank + 2)..];
                    skipping = false;
                    EndOfStanza();
                    continue;
                }

                var end = pending.IndexOf((byte)'\n');
                if (end < 0)
                {
                    break;
                }

                Line(pending[..end]);
                // Skipping from here: the line's own newline may be the first of the blank line's two.
                pending = pending[(skipping ? end : end + 1)..];
            }

            if (read == 0)
            {
                // The last stanza may end without a blank line, or even without a newline.
                if (!skipping)
                {
                    Line(pending);
                }

                EndOfStanza();
                return installed;
            }

            if (pending.Length == buffer.Length)
            {
                // A line longer than the buffer (a huge Description): grow, as dpkg itself has no limit.
                Array.Resize(ref buffer, buffer.Length * 2);
            }

            pending.CopyTo(buffer);
            filled = pending.Length;
        }
    }

    /// <summary>Whether <paramref name="line"/> is the field <paramref name="name"/>; its value trimmed.</summary>
    private static bool Field(ReadOnlySpan<byte> line, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        if (line.Length <= name.Length || line[name.Length] != (byte)':' || !Ascii.EqualsIgnoreCase(line[..name.Length], name))
        {
            value = default;
            return false;
        }

        value = line[(name.Length + 1)..].Trim(" \t\r"u8);
        return true;
    }

    /// <summary>A Status value "want flag state" whose state is "installed" (held or marked for removal still counts).</summary>
    private static bool Installed(ReadOnlySpan<byte> status)
    {
        var words = 0;
        var last = ReadOnlySpan<byte>.Empty;
        foreach (var range in status.SplitAny(" \t"u8))
        {
            if (!status[range].IsEmpty)
            {
                words++;
                last = status[range];
            }
        }

        return words == 3 && last.SequenceEqual("installed"u8);
    }

    private static string[] ReadLines(string file)
    {
        try
        {
            return File.ReadAllLines(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary>The path with every symlink in it resolved, as realpath does (a missing part stays as it is; a loop stops after 40 links).</summary>
    private static string ResolveLinks(string path, int depth)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is not { } parent || depth > 40)
        {
            return full;
        }

        var resolved = Path.Combine(ResolveLinks(parent, depth), Path.GetFileName(full));
        var target = new FileInfo(resolved).LinkTarget;
        return target is null ? resolved : ResolveLinks(Path.Combine(Path.GetDirectoryName(resolved)!, target), depth + 1);
    }
}
