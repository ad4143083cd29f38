namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>
/// Keeps apt's maintainer scripts from starting daemons while packages install: a policy-rc.d that
/// answers 101 ("action forbidden"), which deb-systemd-invoke and invoke-rc.d honour. Slurm 24.11's
/// slurmd unit has no ConditionPathExists, so installing it started an unconfigured slurmd that
/// retries forever while apt waits out its start timeout. The playbooks start each daemon once it is
/// configured. An existing policy-rc.d is the admin's: left alone, and then there is no guard.
/// </summary>
public sealed class DaemonStartGuard : IDisposable
{
    public const string PolicyPath = "/usr/sbin/policy-rc.d";

    public const string Policy =
        "#!/bin/sh\n# hpc.weka_slurm slurm_packages: no daemon starts while packages install (removed afterwards).\nexit 101\n";

    private readonly string path;

    private DaemonStartGuard(string path) => this.path = path;

    /// <summary>The guard, or null when <paramref name="path"/> already exists.</summary>
    public static DaemonStartGuard? Hold(string path = PolicyPath)
    {
        try
        {
            // CreateNew: never replaces a policy that appeared meanwhile.
            using var stream = new FileStream(path, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                 UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute,
            });
            stream.Write(System.Text.Encoding.UTF8.GetBytes(Policy));
        }
        catch (IOException) when (File.Exists(path))
        {
            return null;
        }

        return new DaemonStartGuard(path);
    }

    public void Dispose() => File.Delete(path);
}
