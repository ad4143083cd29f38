using CliWrap;
using CliWrap.Buffered;

namespace HpcWekaSlurm.SlurmInstall.Tests.Playbooks;

/// <summary>
/// The published slurm_packages binary run by real ansible-playbook on this Debian host, which has
/// every Slurm role's packages installed: only runs that must not change the host (everything in
/// place, check mode, refusals). Installing, pinning and upgrading run on containers
/// (Integration.Tests SlurmPackagesClusterTests).
/// </summary>
public sealed class SlurmPackagesPlaybookTests : IDisposable
{
    private readonly LocalAnsible _ansible = new("slurm_packages");

    public void Dispose() => _ansible.Dispose();

    [Fact]
    public async Task Roles_in_place_report_their_versions_and_leave_dpkg_untouched()
    {
        var status = File.GetLastWriteTimeUtc("/var/lib/dpkg/status");

        var run = await _ansible.RunAsync("""
            - slurm_packages: { roles: [controller, dbd, login, compute] }
              register: packages
            """ + LocalAnsible.SaveResults("packages"));

        var result = run.Result("packages");
        Assert.False(result["changed"]!.GetValue<bool>(), run.Output);
        Assert.Equal(["slurm-client", "slurmctld", "slurmdbd", "slurmd", "munge"], result["packages"]!.AsArray().Select(p => (string)p!));
        foreach (var package in new[] { "slurmd", "munge" })
        {
            Assert.Equal(await DpkgVersion(package), (string?)result["versions"]![package]);
        }

        Assert.Equal((await DpkgVersion("slurmd")).Split('-')[0], (string?)result["slurm_version"]);
        Assert.Empty(result["changes"]!.AsArray());
        Assert.Equal(status, File.GetLastWriteTimeUtc("/var/lib/dpkg/status"));
    }

    [Theory]
    [InlineData("{ roles: [compute], version: '21.08' }", "no version of 'slurm-client' matching 21.08 is available; available: ")]
    [InlineData("{ roles: [compute], extra_packages: ['-oAPT::Get::Yes'] }", "option 'extra_packages': '-oAPT::Get::Yes' is not a package name")]
    [InlineData("{ roles: [compute], version: '22.05; rm -rf /' }", "option 'version': '22.05; rm -rf /' must be a package version")]
    [InlineData("{ roles: [compute], state: latest, version: '22.05' }", "a pinned version needs state: present")]
    [InlineData("{ roles: [] }", "option 'roles': give at least one of controller, dbd, login, compute")]
    [InlineData("{ roles: [gpu] }", "value of roles must be one of: controller, dbd, login, compute, got: gpu")]
    public async Task Refusals_name_the_problem_and_change_nothing_even_outside_check_mode(string args, string message)
    {
        var status = File.GetLastWriteTimeUtc("/var/lib/dpkg/status");

        var run = await _ansible.RunAsync($"- slurm_packages: {args}");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Output);
        Assert.Equal(status, File.GetLastWriteTimeUtc("/var/lib/dpkg/status"));
    }

    [Fact]
    public async Task Removing_a_role_other_installed_packages_depend_on_is_refused_in_check_mode_too()
    {
        // Check mode: were the refusal ever lost, this host's Slurm would survive the test.
        var run = await _ansible.RunAsync("- slurm_packages: { roles: [login], configless: false, state: absent }", check: true);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("removing slurm-client, munge would also remove slurmctld", run.Output);
    }

    [Fact]
    public async Task An_account_with_another_uid_fails_naming_both_uids_and_the_option()
    {
        var getent = await Cli.Wrap("getent").WithArguments(["passwd", "munge"]).ExecuteBufferedAsync();
        var uid = long.Parse(getent.StandardOutput.Split(':')[2]);

        var run = await _ansible.RunAsync($"- slurm_packages: {{ roles: [compute], munge_uid: {uid + 1} }}", check: true);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"user 'munge' exists with uid {uid}, not {uid + 1} (munge_uid)", run.Output);
    }

    private static async Task<string> DpkgVersion(string package) =>
        (await Cli.Wrap("dpkg-query").WithArguments(["-W", "-f", "${Version}", package]).ExecuteBufferedAsync()).StandardOutput;
}
