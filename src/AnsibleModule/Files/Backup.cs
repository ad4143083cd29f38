namespace HpcWekaSlurm.AnsibleModule.Files;

/// <summary>Timestamped copies made before a change, named as Ansible's backup_local names them.</summary>
public static class Backup
{
    /// <summary>Copies the current file (same owner and mode, so a secret's backup is as private) and returns the copy's path.</summary>
    public static string Create(FileSnapshot current) => Create(current, current.Uid, current.Gid, current.Mode);

    /// <summary>Copies the current file with the given owner and mode (a secret's backup, as private as its new version).</summary>
    public static string Create(FileSnapshot current, uint uid, uint gid, UnixFileMode mode)
    {
        // Local time as Ansible's backup_local stamps it (time.strftime("%Y-%m-%d@%H:%M:%S", time.localtime())).
        var t = Posix.LocalTime();
        var stamp = $"{t.Year:D4}-{t.Month:D2}-{t.Day:D2}@{t.Hour:D2}:{t.Minute:D2}:{t.Second:D2}";
        var backup = $"{current.Path}.{Environment.ProcessId}.{stamp}~";
        AtomicFile.Write(backup, current.Content, uid, gid, mode);
        return backup;
    }
}
