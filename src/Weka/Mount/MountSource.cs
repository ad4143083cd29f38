namespace HpcWekaSlurm.Weka.Mount;

/// <summary>
/// What <c>mount -t wekafs</c> mounts: <c>backend0[,backend1...]/fs</c> (also written <c>...:/fs</c>),
/// or just <c>fs</c> on a client that already joined its cluster.
/// </summary>
public sealed record MountSource(string Text, IReadOnlyList<string> Backends, string Filesystem)
{
    public static MountSource From(IReadOnlyList<string> backends, string filesystem) =>
        new(backends.Count == 0 ? filesystem : $"{string.Join(',', backends)}/{filesystem}", backends, filesystem);

    /// <summary>Parses a raw source, or returns null with <paramref name="error"/> saying what is wrong.</summary>
    public static MountSource? Parse(string text, out string? error)
    {
        error = null;
        if (text.Length == 0 || text.Any(char.IsWhiteSpace))
        {
            error = "the source is empty or contains blanks (form: backend0,backend1/filesystem)";
            return null;
        }

        var slash = text.LastIndexOf('/');
        if (slash < 0)
        {
            return NameProblem(text, "filesystem") is { } p ? Fail(p, out error) : new MountSource(text, [], text);
        }

        var hosts = text[..slash].TrimEnd(':');
        var filesystem = text[(slash + 1)..];
        if (NameProblem(filesystem, "filesystem") is { } fsProblem)
        {
            return Fail(fsProblem, out error);
        }

        var backends = hosts.Split(',');
        if (backends.FirstOrDefault(b => HostProblem(b) is not null) is { } bad)
        {
            return Fail(HostProblem(bad)!, out error);
        }

        return new MountSource(text, backends, filesystem);
    }

    /// <summary>Why a backend host name or IP cannot go into a source, or null.</summary>
    public static string? HostProblem(string host) =>
        host.Length == 0 ? "a backend host is empty"
        : host.Any(c => char.IsWhiteSpace(c) || c is ',' or '/') ? $"backend '{host}' contains a blank, ',' or '/'"
        : null;

    /// <summary>Why a WEKA filesystem name cannot go into a source, or null.</summary>
    public static string? NameProblem(string name, string what) =>
        name.Length == 0 ? $"the {what} name is empty"
        : name.Any(c => char.IsWhiteSpace(c) || c is ',' or '/' or ':') ? $"the {what} name '{name}' contains a blank, ',', '/' or ':'"
        : null;

    private static MountSource? Fail(string problem, out string? error)
    {
        error = problem;
        return null;
    }
}
