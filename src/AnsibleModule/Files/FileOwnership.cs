using System.Globalization;

namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>Owner, group and mode as a module's options give them (names or ids; octal mode strings).</summary>
public sealed record FileOwnership(string? Owner, string? Group, string? Mode)
{
    public static readonly FileOwnership Unspecified = new(null, null, null);

    /// <summary>The uid/gid/mode to write: given values resolved, the rest taken from the existing file, else root:root 0644-style defaults.</summary>
    public (uint Uid, uint Gid, UnixFileMode Mode) Resolve(FileSnapshot current, UnixFileMode newFileMode)
    {
        var uid = Owner is null ? (current.Exists ? current.Uid : Posix.geteuid()) : ResolveUser(Owner);
        var gid = Group is null ? (current.Exists ? current.Gid : DefaultGid(uid)) : ResolveGroup(Group);
        var mode = Mode is null ? (current.Exists ? current.Mode : newFileMode) : ParseMode(Mode);
        return (uid, gid, mode);
    }

    public static uint ResolveUser(string owner)
    {
        if (uint.TryParse(owner, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        return Posix.LookupUser(owner)?.Uid ?? throw new ModuleFailure($"user '{owner}' does not exist on this host");
    }

    public static uint ResolveGroup(string group)
    {
        if (uint.TryParse(group, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return id;
        }

        return Posix.LookupGroup(group) ?? throw new ModuleFailure($"group '{group}' does not exist on this host");
    }

    /// <summary>Octal modes as Ansible takes them: "0644", "644", "0o644".</summary>
    public static UnixFileMode ParseMode(string mode)
    {
        var digits = mode.StartsWith("0o", StringComparison.OrdinalIgnoreCase) ? mode[2..] : mode;
        if (digits.Length is < 1 or > 4 || digits.Any(c => c is < '0' or > '7'))
        {
            throw new ModuleFailure($"mode '{mode}' is not an octal file mode such as '0644'");
        }

        return (UnixFileMode)Convert.ToInt32(digits, 8);
    }

    public static string FormatMode(UnixFileMode mode) => "0" + Convert.ToString((int)mode, 8).PadLeft(3, '0');

    private static uint DefaultGid(uint uid) => Posix.UserName(uid) is { } name && Posix.LookupUser(name) is { } user ? user.Gid : 0;
}
