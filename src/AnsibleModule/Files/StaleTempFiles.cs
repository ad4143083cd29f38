using System.Text.RegularExpressions;

namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>
/// The temp files <see cref="AtomicFile"/> leaves behind only when its process dies between
/// creating and renaming one (SIGKILL, the OOM killer, a power cut): <c>.NAME.&lt;12 hex&gt;.tmp</c>,
/// and <c>.NAME.&lt;pid&gt;.&lt;stamp&gt;~.&lt;12 hex&gt;.tmp</c> for a backup of NAME. Removed while the
/// directory's <see cref="FileLock"/> is held, when no other run can be writing one.
/// </summary>
public static partial class StaleTempFiles
{
    /// <summary>Removes the leftovers of <paramref name="path"/> and returns their names.</summary>
    public static IReadOnlyList<string> Remove(string path)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? "/";
        var prefix = "." + Path.GetFileName(full) + ".";
        if (!Directory.Exists(directory))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var file in Candidates(directory))
        {
            var name = Path.GetFileName(file);
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || !TempSuffix().IsMatch(name))
            {
                continue;
            }

            try
            {
                File.Delete(file);
                removed.Add(name);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Left for a later run: the write itself does not depend on it.
            }
        }

        return removed;
    }

    /// <summary>Nothing to clean where the directory cannot be listed: the write that follows reports the real error.</summary>
    private static IReadOnlyList<string> Candidates(string directory)
    {
        try
        {
            return [.. Directory.EnumerateFiles(directory, "*.tmp")];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    [GeneratedRegex(@"\.[0-9a-f]{12}\.tmp\z")]
    private static partial Regex TempSuffix();
}
