namespace HpcWekaSlurm.Slurm.Packages;

/// <summary>The package tools a host can have; apt means Debian/Ubuntu names, dnf and yum RHEL/Rocky names.</summary>
public enum PackageManager
{
    Apt,
    Dnf,
    Yum,
}

public static class PackageManagers
{
    public static bool IsRpm(this PackageManager manager) => manager != PackageManager.Apt;

    public static string Name(this PackageManager manager) => manager.ToString().ToLowerInvariant();

    /// <summary>
    /// The host's package manager from the programs it has (<paramref name="has"/>: is this program on
    /// PATH). dpkg wins over rpm: Debian hosts may carry an rpm binary, RHEL hosts never carry dpkg.
    /// </summary>
    public static PackageManager? Detect(Func<string, bool> has) =>
        has("apt-get") && has("dpkg-query") ? PackageManager.Apt
        : has("dnf") && has("rpm") ? PackageManager.Dnf
        : has("yum") && has("rpm") ? PackageManager.Yum
        : null;
}
