using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.Weka.Mount;

namespace HpcWekaSlurm.Modules.WekafsMount;

/// <summary>Reads what the planner needs from the host: the mount point path and the mount table.</summary>
public static class MountPointProbe
{
    /// <summary>What is at <paramref name="path"/>, and its real path when a component is a symlink (mountinfo lists that one).</summary>
    public static (MountPointKind Kind, string? RealPath) Inspect(string path)
    {
        if (Directory.Exists(path))
        {
            return (MountPointKind.Directory, RealPath(path));
        }

        return File.Exists(path) || IsLink(path) ? (MountPointKind.NotDirectory, null) : (MountPointKind.Missing, null);
    }

    public static MountInfoTable ReadMountInfo(string path)
    {
        try
        {
            return MountInfoTable.Parse(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ModuleFailure($"option 'mountinfo': cannot read '{path}': {e.Message}");
        }
        catch (FormatException e)
        {
            throw new ModuleFailure($"option 'mountinfo': '{path}' {e.Message}");
        }
    }

    /// <summary>A symlink whose target is missing (readlink fails on a path that does not exist at all).</summary>
    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Resolves symlinks component by component (there is no realpath in .NET).</summary>
    private static string RealPath(string path)
    {
        var resolved = "/";
        var pending = new Queue<string>(MountPath.Normalize(path).Split('/', StringSplitOptions.RemoveEmptyEntries));
        for (var hops = 0; pending.Count > 0 && hops < 40;)
        {
            var next = Path.Combine(resolved, pending.Dequeue());
            var target = new FileInfo(next).LinkTarget;
            if (target is null)
            {
                resolved = next;
                continue;
            }

            hops++;
            var rest = pending.ToList();
            pending = new Queue<string>(Path.GetFullPath(target, resolved)
                .Split('/', StringSplitOptions.RemoveEmptyEntries).Concat(rest));
            resolved = "/";
        }

        return MountPath.Normalize(resolved);
    }
}
