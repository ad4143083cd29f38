namespace HpcWekaSlurm.Weka.Mount;

/// <summary>What happens to the live mount.</summary>
public enum MountAction
{
    None,
    Mount,
    Unmount,

    /// <summary>Unmount, then mount again with the requested options.</summary>
    Remount,
}

/// <summary>What is at the mount point path on disk.</summary>
public enum MountPointKind
{
    Missing,
    Directory,
    NotDirectory,
}

/// <summary>The host as the module found it: fstab bytes (null: no file), the mount table, the mount point path.</summary>
public sealed record MountHostState(byte[]? Fstab, MountInfoTable MountInfo, MountPointKind MountPointKind, string? ResolvedMountPoint = null);

/// <summary>
/// An option whose live value differs from the requested one. <see cref="KnownFrom"/> says where the
/// live value was read: <c>mountinfo</c>, or <c>fstab</c> (the previous line) for client options
/// such as <c>core=</c> that the kernel does not report.
/// </summary>
public sealed record OptionDifference(string Option, string? Mounted, string? Requested, string KnownFrom);

/// <summary>The planned change: the new fstab, the mount action and what the admin must know.</summary>
public sealed record MountPlan
{
    public required WekaMountRequest Request { get; init; }

    public required byte[] FstabBefore { get; init; }

    public required byte[] FstabAfter { get; init; }

    public bool FstabChanged => !FstabBefore.AsSpan().SequenceEqual(FstabAfter);

    /// <summary>The fstab entry the request keeps (null for unmounted and absent).</summary>
    public FstabEntry? Entry { get; init; }

    public required MountAction Action { get; init; }

    /// <summary>How many umount calls clear the path (wekafs mounted more than once on it).</summary>
    public int UnmountCount { get; init; }

    /// <summary>The path umount gets (the name mountinfo lists the mount under).</summary>
    public string? UnmountTarget { get; init; }

    public bool CreateMountPoint { get; init; }

    /// <summary>Arguments after the program name: <c>-t wekafs [-o OPTS] SOURCE PATH</c> (empty when nothing is mounted).</summary>
    public IReadOnlyList<string> MountArguments { get; init; } = [];

    public bool RemountRequired { get; init; }

    public IReadOnlyList<OptionDifference> Differences { get; init; } = [];

    public required MountObservation Observed { get; init; }

    public required string StateBefore { get; init; }

    public required string StateAfter { get; init; }

    public bool MountedAfter { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public bool Changed => FstabChanged || Action != MountAction.None || CreateMountPoint;
}
