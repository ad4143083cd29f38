namespace HpcWekaSlurm.Weka.Mount;

/// <summary>What a mount point shows right now.</summary>
public enum MountStatus
{
    NotMounted,

    /// <summary>A wekafs filesystem is the top mount on the path.</summary>
    Wekafs,

    /// <summary>Another filesystem type is the top mount on the path.</summary>
    OtherFilesystem,
}

/// <summary>
/// The live state of one mount point, read from mountinfo: the top mount on the path, how many
/// wekafs mounts are stacked there, and the host's other wekafs mounts (they share the WEKA client).
/// </summary>
public sealed record MountObservation(MountStatus Status, MountInfoEntry? Top, int StackedWekafs, IReadOnlyList<MountInfoEntry> OtherWekafsMounts)
{
    /// <summary>Looks the mount point up under each of its names (the path as given and, if it is a symlink, its target).</summary>
    public static MountObservation Of(MountInfoTable table, IEnumerable<string> mountPointNames)
    {
        var names = mountPointNames.Select(MountPath.Normalize).Distinct().ToList();
        var here = table.Entries.Where(e => names.Contains(e.MountPoint)).ToList();
        var others = table.Entries.Where(e => e.IsWekafs && !names.Contains(e.MountPoint)).ToList();
        if (here.Count == 0)
        {
            return new MountObservation(MountStatus.NotMounted, null, 0, others);
        }

        var top = here[^1];
        var stacked = here.AsEnumerable().Reverse().TakeWhile(e => e.IsWekafs).Count();
        return new MountObservation(top.IsWekafs ? MountStatus.Wekafs : MountStatus.OtherFilesystem, top, stacked, others);
    }

    /// <summary>One line for the diff and messages.</summary>
    public string Describe(string mountPoint) => Top is null
        ? $"{mountPoint}: not mounted"
        : $"{mountPoint}: {Top.FsType} {Top.Source} ({MountOptionString.Format(Top.AllOptions)})";
}
