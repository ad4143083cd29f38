namespace HpcWekaSlurm.Slurm.Munge;

/// <summary>
/// The directory holding the key is made private to munge (0700 munge:munge, like the packages'
/// /etc/munge). That is only safe for a directory of its own: never for /, a top-level directory
/// such as /etc or /tmp, or a sticky (shared) directory.
/// </summary>
public static class KeyDirectory
{
    /// <summary>Null when <paramref name="directory"/> may be taken over for the key, else why not.</summary>
    public static string? Refusal(string directory, bool sticky)
    {
        var full = Path.GetFullPath(directory).TrimEnd('/');
        var depth = full.Split('/', StringSplitOptions.RemoveEmptyEntries).Length;
        if (depth < 2 || sticky)
        {
            var what = sticky ? "a shared (sticky) directory" : "a system directory";
            return $"the key's directory '{(full.Length == 0 ? "/" : full)}' is {what}; the module makes the key's directory private " +
                   "to the key owner (mode 0700), so put the key in a directory of its own such as /etc/munge";
        }

        return null;
    }
}
