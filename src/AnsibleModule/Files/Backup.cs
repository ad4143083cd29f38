using System.Globalization;

namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>Timestamped copies made before a change, named as Ansible's backup_local names them.</summary>
public static class Backup
{
    /// <summary>Copies the current file (same owner and mode, so a secret's backup is as private) and returns the copy's path.</summary>
    public static string Create(FileSnapshot current) => Create(current, current.Uid, current.Gid, current.Mode);

    /// <summary>Copies the current file with the given owner and mode (a secret's backup, as private as its new version).</summary>
    public static string Create(FileSnapshot current, uint uid, uint gid, UnixFileMode mode)
    {
        var stamp = DateTime.Now.ToString("yyyy-MM-dd@HH:mm:ss", CultureInfo.InvariantCulture);
        var backup = $"{current.Path}.{Environment.ProcessId}.{stamp}~";
        AtomicFile.Write(backup, current.Content, uid, gid, mode);
        return backup;
    }
}
