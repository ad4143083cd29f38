namespace HpcWekaSlurm.Weka.Mount;

/// <summary>Mount point paths in the form mountinfo shows them: absolute, no empty or '.' components, no trailing slash.</summary>
public static class MountPath
{
    public static string Normalize(string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(p => p != ".");
        return "/" + string.Join('/', parts);
    }

    /// <summary>Why <paramref name="path"/> cannot be a mount point, or null when it can.</summary>
    public static string? Problem(string path)
    {
        if (path.Length == 0)
        {
            return "the mount point is empty";
        }

        if (path[0] != '/')
        {
            return $"'{path}' is not an absolute path";
        }

        if (path.Contains('\0') || path.Contains('\n') || path.Contains('\r'))
        {
            return "the mount point contains a NUL or newline character";
        }

        if (path.Split('/').Contains(".."))
        {
            return $"'{path}' contains '..'; give the path without it";
        }

        return Normalize(path) == "/" ? "'/' cannot be a WEKA mount point" : null;
    }
}
