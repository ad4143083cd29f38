using System.Text.RegularExpressions;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Slurm.Packages;

namespace HpcWekaSlurm.Modules.SlurmPackages;

/// <summary>The validated options: the package request and the accounts to create first.</summary>
public static partial class Request
{
    // Debian and RPM package names; nothing that a package manager could read as an option or a glob.
    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9.+_-]*$")]
    private static partial Regex PackageName();

    public static PackageRequest From(ModuleParams p, PackageManager manager)
    {
        var roles = p.StrList("roles").Select(SlurmRoles.Parse).Distinct().ToList();
        var extra = p.StrList("extra_packages");
        if (extra.FirstOrDefault(n => !PackageName().IsMatch(n)) is { } bad)
        {
            throw new ModuleFailure($"option 'extra_packages': '{bad}' is not a package name");
        }

        if (roles.Count == 0 && extra.Count == 0)
        {
            throw new ModuleFailure("option 'roles': give at least one of controller, dbd, login, compute (or extra_packages)");
        }

        var state = p.Str("state") switch
        {
            "absent" => PackageState.Absent,
            "latest" => PackageState.Latest,
            _ => PackageState.Present,
        };
        var version = p.Str("version")?.Trim();
        string? pin = null;
        if (version == "latest")
        {
            state = state == PackageState.Absent
                ? throw new ModuleFailure("option 'version': latest contradicts state: absent")
                : PackageState.Latest;
        }
        else if (!string.IsNullOrEmpty(version) && version != "any")
        {
            if (VersionPin.Validate(version) is { } problem)
            {
                throw new ModuleFailure($"option 'version': '{version}' {problem}");
            }

            if (state != PackageState.Present)
            {
                throw new ModuleFailure($"option 'version': a pinned version needs state: present (state: {p.Str("state")} was given)");
            }

            pin = version;
        }

        return new PackageRequest(manager, roles, p.Bool("configless"), extra, state, pin);
    }

    /// <summary>slurm and munge, with the ids the options give (none given: nothing to create).</summary>
    public static IReadOnlyList<AccountRequest> Accounts(ModuleParams p, PackageManager manager) =>
    [
        new("slurm", p.Int("slurm_uid"), p.Int("slurm_gid"), PackageSets.AccountHome(manager, "slurm")),
        new(PackageSets.Munge, p.Int("munge_uid"), p.Int("munge_gid"), PackageSets.AccountHome(manager, PackageSets.Munge)),
    ];
}
