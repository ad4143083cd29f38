namespace HpcWekaSlurm.Weka.Mount;

/// <summary>
/// Plans a wekafs mount as a pure function: request + fstab + mount table + mount point -> new
/// fstab, mount action and remount verdict. Client options take effect only when the WEKA client
/// starts, so a mounted filesystem whose options differ is reported (remount_required), never
/// silently remounted, unless the request is <see cref="MountStateRequest.Remounted"/>.
/// </summary>
public static class MountPlanner
{
    public static MountPlan Plan(WekaMountRequest request, MountHostState host)
    {
        var invalid = request.Validate();
        if (invalid.Count > 0)
        {
            throw new InvalidMountRequestException(invalid);
        }

        var mountPoint = request.MountPoint;
        var observed = MountObservation.Of(host.MountInfo, [mountPoint, host.ResolvedMountPoint ?? mountPoint]);
        CheckHost(request, host, observed);

        var warnings = new List<string>();
        var document = FstabDocument.Parse(host.Fstab);
        var lines = document.FindMountPoint(mountPoint);
        var previous = lines.Select(i => document.Lines[i].Entry!).FirstOrDefault(e => e.Type == MountInfoEntry.WekaFsType);
        var source = request.MountSource;
        FstabEntry? entry = null;
        if (request.WantsEntry)
        {
            entry = new FstabEntry(source!.Text, mountPoint, MountInfoEntry.WekaFsType, request.Options.FstabOptions());
            EditEntry(document, lines, entry, warnings);
        }
        else if (request.State == MountStateRequest.Absent)
        {
            RemoveEntries(document, lines, warnings);
        }

        var action = ActionFor(request.State, observed.Status);
        if (observed.Status == MountStatus.OtherFilesystem && !request.WantsEntry)
        {
            warnings.Add($"{mountPoint} has a {observed.Top!.FsType} filesystem mounted, not wekafs; it was left alone");
        }

        var differences = observed.Status == MountStatus.Wekafs && request.WantsEntry
            ? Compare(request, observed.Top!, previous)
            : [];
        var remountRequired = differences.Count > 0 && request.State != MountStateRequest.Remounted;
        if (remountRequired)
        {
            warnings.Add($"{mountPoint} is mounted with other options than requested ({Describe(differences)}); " +
                         "WEKA applies client options only when it mounts, so they are not in effect: " +
                         "unmount and mount again (state: remounted) when the filesystem is not in use");
        }

        if (action == MountAction.Remount && observed.OtherWekafsMounts.Count > 0)
        {
            warnings.Add($"other wekafs mounts ({string.Join(", ", observed.OtherWekafsMounts.Select(e => e.MountPoint).Distinct())}) keep the WEKA client running: " +
                         "client options (cores, net, memory) change only when the client restarts, after all of its filesystems are unmounted");
        }

        var mounting = action is MountAction.Mount or MountAction.Remount;
        if (mounting && JoinTimeout(request.Options) is { } join && join >= request.TimeoutSeconds)
        {
            warnings.Add($"options: join_timeout_secs={join} lets the client try to join the cluster for as long as or longer than " +
                         $"timeout ({request.TimeoutSeconds} s) lets mount run; raise timeout above it, or a slow join fails the task at the timeout");
        }

        var mountArguments = mounting ? MountCommand(source!, request.Options, mountPoint) : [];
        var before = observed.Describe(mountPoint);
        return new MountPlan
        {
            Request = request,
            FstabBefore = host.Fstab ?? [],
            FstabAfter = document.Render(),
            Entry = entry,
            Action = action,
            UnmountCount = action is MountAction.Unmount or MountAction.Remount ? observed.StackedWekafs : 0,
            UnmountTarget = observed.Top?.MountPoint,
            CreateMountPoint = mounting && host.MountPointKind == MountPointKind.Missing,
            MountArguments = mountArguments,
            RemountRequired = remountRequired,
            Differences = differences,
            Observed = observed,
            StateBefore = before,
            StateAfter = action switch
            {
                MountAction.Mount or MountAction.Remount => $"{mountPoint}: wekafs {source!.Text} ({MountOptionString.Format(request.Options.MountArguments())})",
                MountAction.Unmount => $"{mountPoint}: not mounted",
                _ => before,
            },
            MountedAfter = mounting || (action == MountAction.None && observed.Status == MountStatus.Wekafs),
            Warnings = warnings,
        };
    }

    /// <summary>One line naming each difference, e.g. <c>core: 47 -> 46 (from fstab)</c>.</summary>
    public static string Describe(IEnumerable<OptionDifference> differences) =>
        string.Join("; ", differences.Select(d => $"{d.Option}: {d.Mounted ?? "(not set)"} -> {d.Requested ?? "(not set)"}" +
                                                  (d.KnownFrom == "fstab" ? " (mounted value from the previous fstab line)" : string.Empty)));

    private static void CheckHost(WekaMountRequest request, MountHostState host, MountObservation observed)
    {
        var errors = new List<MountInputError>();
        if (request.WantsEntry && host.MountPointKind == MountPointKind.NotDirectory)
        {
            errors.Add(new MountInputError("path", $"'{request.Path}' exists and is not a directory; a mount point must be a directory"));
        }

        if (request.State is MountStateRequest.Mounted or MountStateRequest.Remounted && observed.Status == MountStatus.OtherFilesystem)
        {
            errors.Add(new MountInputError("path", $"'{request.Path}' already has a {observed.Top!.FsType} filesystem mounted ({observed.Top.Source}); " +
                                                   "unmount it first or choose another mount point"));
        }

        if (errors.Count > 0)
        {
            throw new InvalidMountRequestException(errors);
        }
    }

    private static MountAction ActionFor(MountStateRequest state, MountStatus status) => (state, status) switch
    {
        (MountStateRequest.Mounted or MountStateRequest.Remounted, MountStatus.NotMounted) => MountAction.Mount,
        (MountStateRequest.Remounted, MountStatus.Wekafs) => MountAction.Remount,
        (MountStateRequest.Unmounted or MountStateRequest.Absent, MountStatus.Wekafs) => MountAction.Unmount,
        _ => MountAction.None,
    };

    private static List<string> MountCommand(MountSource source, WekaMountOptions options, string mountPoint)
    {
        var arguments = new List<string> { "-t", MountInfoEntry.WekaFsType };
        var mountOptions = options.MountArguments();
        if (mountOptions.Count > 0)
        {
            arguments.AddRange(["-o", MountOptionString.Format(mountOptions)]);
        }

        arguments.AddRange([source.Text, mountPoint]);
        return arguments;
    }

    /// <summary>Edits the first entry of the mount point in place (or appends one); other entries for it are reported.</summary>
    private static void EditEntry(FstabDocument document, IReadOnlyList<int> lines, FstabEntry entry, List<string> warnings)
    {
        if (lines.Count == 0)
        {
            document.Append(entry);
            return;
        }

        var existing = document.Lines[lines[0]].Entry!;
        if (existing.Type != MountInfoEntry.WekaFsType)
        {
            warnings.Add($"fstab line {lines[0] + 1} mounted a {existing.Type} filesystem on {entry.File}; it now holds the wekafs entry");
        }

        if (!SameEntry(existing, entry))
        {
            document.Replace(lines[0], entry);
        }

        if (lines.Count > 1)
        {
            warnings.Add($"fstab lists {entry.File} {lines.Count} times (lines {string.Join(", ", lines.Select(i => i + 1))}); " +
                         "the first is managed, remove the others so one entry decides how it is mounted");
        }
    }

    private static void RemoveEntries(FstabDocument document, IReadOnlyList<int> lines, List<string> warnings)
    {
        foreach (var index in lines.Reverse())
        {
            var existing = document.Lines[index].Entry!;
            if (existing.Type == MountInfoEntry.WekaFsType)
            {
                document.RemoveAt(index);
            }
            else
            {
                warnings.Add($"fstab line {index + 1} mounts a {existing.Type} filesystem on {existing.File}, not wekafs; it was left alone");
            }
        }
    }

    private static bool SameEntry(FstabEntry existing, FstabEntry wanted) =>
        existing.Spec == wanted.Spec &&
        existing.Type == wanted.Type &&
        MountPath.Normalize(existing.File) == wanted.File &&
        existing.Options.Select(o => o.ToString()).Order(StringComparer.Ordinal)
            .SequenceEqual(wanted.Options.Select(o => o.ToString()).Order(StringComparer.Ordinal));

    private static readonly string[] CacheModes = ["readcache", "writecache", "forcedirect", "coherent"];

    /// <summary>
    /// Requested options against the live mount: values mountinfo reports win; for options it does
    /// not report (WEKA's client options) the previous fstab line is the best record of how it was mounted.
    /// </summary>
    private static List<OptionDifference> Compare(WekaMountRequest request, MountInfoEntry live, FstabEntry? previous)
    {
        const string FromMountInfo = "mountinfo";
        const string FromFstab = "fstab";
        var differences = new List<OptionDifference>();
        var requested = request.Options.MountArguments();
        var liveOptions = live.AllOptions;
        var old = previous?.Options.Where(o => !MountOptionString.IsFstabOnly(o)).ToList();

        var liveFilesystem = MountSource.Parse(live.Source, out _)?.Filesystem ?? live.Source;
        if (liveFilesystem != request.MountSource!.Filesystem)
        {
            differences.Add(new OptionDifference("filesystem", liveFilesystem, request.MountSource.Filesystem, FromMountInfo));
        }

        var access = request.Options.ReadOnly ? "ro" : "rw";
        if ((live.ReadOnly ? "ro" : "rw") != access)
        {
            differences.Add(new OptionDifference("ro/rw", live.ReadOnly ? "ro" : "rw", access, FromMountInfo));
        }

        if (CacheMode(requested) is { } cache)
        {
            var (mounted, from) = CacheMode(liveOptions) is { } liveCache ? (liveCache, FromMountInfo) : (old is null ? null : CacheMode(old), FromFstab);
            if ((from == FromMountInfo || old is not null) && mounted != cache)
            {
                differences.Add(new OptionDifference("cache mode", mounted, cache, from));
            }
        }

        var keys = requested.Select(o => o.Key).Concat(old?.Select(o => o.Key) ?? [])
            .Where(k => k is not ("ro" or "rw") && !CacheModes.Contains(k))
            .Distinct();
        foreach (var key in keys)
        {
            var (have, from) = liveOptions.Has(key) ? (liveOptions.Values(key), FromMountInfo)
                : old is not null ? (old.Values(key), FromFstab)
                : ((IReadOnlyList<string>?)null, null);
            var want = requested.Values(key);
            if (have is null || have.Order(StringComparer.Ordinal).SequenceEqual(want.Order(StringComparer.Ordinal)))
            {
                continue;
            }

            differences.Add(new OptionDifference(key, Display(key, have), Display(key, want), from!));
        }

        return differences;
    }

    /// <summary>The client's join_timeout_secs= from the raw options, when given as a number.</summary>
    private static long? JoinTimeout(WekaMountOptions options) =>
        options.Extra.Select(MountOption.Parse).LastOrDefault(o => o.Key == "join_timeout_secs")?.Value is { } value &&
        long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
            ? seconds
            : null;

    private static string? CacheMode(IEnumerable<MountOption> options) =>
        options.LastOrDefault(o => o.Value is null && CacheModes.Contains(o.Key))?.Key;

    private static string? Display(string key, IReadOnlyList<string> values) =>
        values.Count == 0 ? null : string.Join(',', values.Select(v => v.Length == 0 ? key : v));
}
