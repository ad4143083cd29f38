using System.Globalization;

namespace HpcWekaSlurm.Weka.Mount;

/// <summary>
/// One line of /proc/PID/mountinfo (proc(5)): <c>id parent major:minor root mountpoint mountopts
/// [optional fields...] - fstype source superopts</c>. Paths and the source are decoded (<c>\040</c>...).
/// </summary>
public sealed record MountInfoEntry(
    int MountId,
    int ParentId,
    string Device,
    string Root,
    string MountPoint,
    IReadOnlyList<MountOption> MountOptions,
    IReadOnlyList<string> OptionalFields,
    string FsType,
    string Source,
    IReadOnlyList<MountOption> SuperOptions)
{
    public const string WekaFsType = "wekafs";

    public bool IsWekafs => FsType == WekaFsType;

    /// <summary>Read-only as the VFS sees it (the per-mount <c>ro</c> flag).</summary>
    public bool ReadOnly => MountOptions.Any(o => o is { Key: "ro", Value: null });

    /// <summary>Per-mount options, then the filesystem's own (super) options, where WEKA reports its mount options.</summary>
    public IReadOnlyList<MountOption> AllOptions => [.. MountOptions, .. SuperOptions];

    /// <summary>Parses one line; throws <see cref="FormatException"/> naming what is missing.</summary>
    public static MountInfoEntry Parse(string line)
    {
        var fields = line.Split(' ');
        var separator = fields.Length < 9 ? -1 : Array.IndexOf(fields, "-", 6);
        if (separator < 0 || fields.Length < separator + 3)
        {
            throw new FormatException("expected 'id parent major:minor root mountpoint options [optional...] - fstype source superoptions'");
        }

        if (!int.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id) ||
            !int.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out var parent))
        {
            throw new FormatException("the mount id and parent id must be numbers");
        }

        return new MountInfoEntry(
            id,
            parent,
            fields[2],
            MountEscaping.Unescape(fields[3]),
            MountEscaping.Unescape(fields[4]),
            MountOptionString.Parse(fields[5], MountEscaping.Unescape),
            fields[6..separator],
            MountEscaping.Unescape(fields[separator + 1]),
            MountEscaping.Unescape(fields[separator + 2]),
            separator + 3 < fields.Length ? MountOptionString.Parse(fields[separator + 3], MountEscaping.Unescape) : []);
    }
}

/// <summary>The mount table of /proc/self/mountinfo, in kernel order (a later entry on the same mount point covers an earlier one).</summary>
public sealed class MountInfoTable
{
    public const string DefaultPath = "/proc/self/mountinfo";

    private MountInfoTable(IReadOnlyList<MountInfoEntry> entries)
    {
        Entries = entries;
    }

    public IReadOnlyList<MountInfoEntry> Entries { get; }

    /// <summary>Parses the file content (bytes as chars, see <see cref="MountEscaping.FromBytes"/>); a malformed line is an error naming its number.</summary>
    public static MountInfoTable Parse(string content)
    {
        var entries = new List<MountInfoEntry>();
        var lines = content.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Length == 0)
            {
                continue;
            }

            try
            {
                entries.Add(MountInfoEntry.Parse(lines[i]));
            }
            catch (FormatException e)
            {
                throw new FormatException($"line {i + 1} is not a mountinfo line: {e.Message}");
            }
        }

        return new MountInfoTable(entries);
    }

    public static MountInfoTable Parse(byte[] content) => Parse(MountEscaping.FromBytes(content));

    /// <summary>The entries mounted on <paramref name="mountPoint"/> (normalized), bottom first; the last one is what the path shows.</summary>
    public IReadOnlyList<MountInfoEntry> At(string mountPoint) =>
        Entries.Where(e => e.MountPoint == mountPoint).ToList();
}
