namespace HpcWekaSlurm.Weka.Mount;

/// <summary>What the admin wants for a mount point (the states of ansible.posix.mount).</summary>
public enum MountStateRequest
{
    /// <summary>In fstab and mounted.</summary>
    Mounted,

    /// <summary>In fstab only; the live mount is left as it is.</summary>
    Present,

    /// <summary>Not mounted; fstab is left as it is.</summary>
    Unmounted,

    /// <summary>Not mounted and not in fstab.</summary>
    Absent,

    /// <summary>In fstab, and unmounted then mounted again so every option (client options too) takes effect.</summary>
    Remounted,
}

/// <summary>A wekafs mount as requested: mount point, state, what to mount and with which options.</summary>
public sealed record WekaMountRequest
{
    /// <summary>
    /// How long one mount or umount command may run by default: a first mount installs and starts the
    /// WEKA client and joins the cluster, which WEKA itself gives up on after join_timeout_secs (360 s by
    /// default); 10 minutes leaves that room and ends a mount that hangs on unreachable backends.
    /// </summary>
    public const long DefaultTimeoutSeconds = 600;

    /// <summary>The longest timeout taken: a day is beyond any mount that will still succeed (and within what a timer can count).</summary>
    public const long MaxTimeoutSeconds = 86400;

    public required string Path { get; init; }

    public MountStateRequest State { get; init; } = MountStateRequest.Mounted;

    public string? Filesystem { get; init; }

    /// <summary>Backend hosts or IPs (null: not given; empty: given as an empty list, an error).</summary>
    public IReadOnlyList<string>? Backends { get; init; }

    /// <summary>A raw source such as <c>b0,b1/fs</c>, instead of <see cref="Filesystem"/> and <see cref="Backends"/>.</summary>
    public string? Source { get; init; }

    public WekaMountOptions Options { get; init; } = new();

    /// <summary>Seconds each mount or umount command may run before it is stopped and the task fails.</summary>
    public long TimeoutSeconds { get; init; } = DefaultTimeoutSeconds;

    public string MountPoint => MountPath.Normalize(Path);

    /// <summary>True for the states that keep an fstab entry and a mount.</summary>
    public bool WantsEntry => State is MountStateRequest.Mounted or MountStateRequest.Present or MountStateRequest.Remounted;

    /// <summary>The source to mount (valid only when <see cref="Validate"/> found no error).</summary>
    public MountSource? MountSource =>
        Source is not null ? Mount.MountSource.Parse(Source, out _)
        : Filesystem is not null ? Mount.MountSource.From(Backends ?? [], Filesystem)
        : null;

    public IReadOnlyList<MountInputError> Validate()
    {
        var errors = new List<MountInputError>();
        if (MountPath.Problem(Path) is { } pathProblem)
        {
            errors.Add(new MountInputError("path", pathProblem));
        }

        if (Source is not null && (Filesystem is not null || Backends is not null))
        {
            errors.Add(new MountInputError("source", "give either 'source' or 'filesystem' (with 'backends'), not both"));
        }
        else if (Source is not null && Mount.MountSource.Parse(Source, out var sourceProblem) is null)
        {
            errors.Add(new MountInputError("source", $"'{Source}': {sourceProblem}"));
        }

        if (Backends is not null)
        {
            if (Backends.Count == 0)
            {
                errors.Add(new MountInputError("backends", "the list is empty: give at least one backend host or IP, or leave 'backends' out on a client that already joined its cluster"));
            }

            errors.AddRange(Backends.Select(Mount.MountSource.HostProblem).OfType<string>().Select(p => new MountInputError("backends", p)));
            if (Filesystem is null && Source is null)
            {
                errors.Add(new MountInputError("filesystem", "'backends' needs 'filesystem' (the WEKA filesystem to mount)"));
            }
        }

        if (Filesystem is not null && Mount.MountSource.NameProblem(Filesystem, "filesystem") is { } fsProblem)
        {
            errors.Add(new MountInputError("filesystem", fsProblem));
        }

        if (WantsEntry && Source is null && Filesystem is null && Backends is null)
        {
            errors.Add(new MountInputError("filesystem", $"state {State.ToString().ToLowerInvariant()} needs 'filesystem' (with 'backends') or 'source'"));
        }

        if (TimeoutSeconds is < 1 or > MaxTimeoutSeconds)
        {
            errors.Add(new MountInputError("timeout", $"must be from 1 to {MaxTimeoutSeconds} (seconds each mount or umount command may run), got {TimeoutSeconds}"));
        }

        errors.AddRange(Options.Validate());
        return errors;
    }
}
