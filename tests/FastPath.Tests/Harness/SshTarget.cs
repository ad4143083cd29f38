using System.Text.RegularExpressions;

namespace FastPath.Tests.Harness;

/// <summary>
/// A fresh container of the node image (see <see cref="DockerTarget"/>) reached over Ansible's ssh connection
/// as its unprivileged user, with a key, who may sudo to root without a password; with requireTty the
/// sudoers also say <c>Defaults requiretty</c>. The image has neither sshd nor sudo and its containers reach
/// no mirror: this machine downloads the two packages and what the image lacks of their dependencies from
/// the Debian mirror, and the container installs those files.
/// </summary>
public sealed partial class SshTarget : Target
{
    private static readonly string[] Packages = ["openssh-server", "sudo"];

    private readonly DockerTarget container;
    private readonly string work = Directory.CreateTempSubdirectory("hpc-fastpath-ssh-").FullName;
    private readonly string address;

    public SshTarget(DockerEnvironment docker, bool requireTty)
    {
        container = new DockerTarget(docker);
        Kind = requireTty ? "ssh, sudo requiretty" : "ssh, sudo";
        try
        {
            address = Start(docker.Network, requireTty);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    public override string Kind { get; }

    // No ssh master connection outlives the run; the container's host key is new each time.
    public override string InventoryVars =>
        $"ansible_connection=ssh ansible_host={address} ansible_user={User} ansible_ssh_private_key_file={Key} " +
        "ansible_ssh_args=\"-o ControlMaster=no -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR\" " +
        "ansible_python_interpreter=/usr/bin/python3";

    public override string RootCacheDir => container.RootCacheDir;

    /// <summary>The ssh login user.</summary>
    public override string User => container.User;

    public override string Scratch => container.Scratch;

    public override IDictionary<string, string> ControllerEnv => container.ControllerEnv;

    private string Key => Path.Combine(work, "id_ed25519");

    public override string Shell(string script) => container.Shell(script);

    public override void Dispose()
    {
        container.Dispose();
        Directory.Delete(work, recursive: true);
    }

    /// <summary>Installs sshd and sudo, lets the user in with the key and sudo, starts sshd; returns the container's address.</summary>
    private string Start(string network, bool requireTty)
    {
        InstallPackages();
        Proc.Run("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", Key]).EnsureSuccess("ssh-keygen");
        var sudoers = (requireTty ? "Defaults requiretty\\n" : "") + $"{User} ALL=(ALL) NOPASSWD: ALL\\n";
        Shell($"""
            set -e
            install -d -m 700 -o {User} -g {User} /home/{User}/.ssh
            install -m 600 -o {User} -g {User} /dev/null /home/{User}/.ssh/authorized_keys
            echo '{File.ReadAllText(Key + ".pub").Trim()}' > /home/{User}/.ssh/authorized_keys
            printf '{sudoers}' > /etc/sudoers.d/{User} && chmod 440 /etc/sudoers.d/{User} && visudo -cq
            mkdir -p /run/sshd && /usr/sbin/sshd
            # sshd forks into the background before it listens.
            for i in $(seq 100); do ss -ltn | grep -q ':22 ' && exit 0; sleep 0.1; done; echo 'sshd does not listen' >&2; exit 1
            """);
        return Proc.Run("docker", ["inspect", "-f", $"{{{{(index .NetworkSettings.Networks \"{network}\").IPAddress}}}}", container.Container])
            .EnsureSuccess("docker inspect").Stdout.Trim();
    }

    /// <summary>apt on this machine resolves the packages against the container's dpkg status and downloads what is missing.</summary>
    private void InstallPackages()
    {
        var status = Path.Combine(work, "dpkg-status");
        File.WriteAllText(status, Shell("cat /var/lib/dpkg/status"));
        var plan = Proc.Run("apt-get", ["-o", $"Dir::State::status={status}", "install", "-s", "--no-install-recommends", .. Packages])
            .EnsureSuccess("apt-get install -s").Stdout;
        var debs = Directory.CreateDirectory(Path.Combine(work, "debs")).FullName;
        Proc.Run("apt-get", ["download", .. Inst().Matches(plan).Select(m => $"{m.Groups[1].Value}={m.Groups[2].Value}")], workingDirectory: debs)
            .EnsureSuccess("apt-get download");
        Proc.Run("docker", ["cp", debs + "/.", $"{container.Container}:/tmp/debs"]).EnsureSuccess("docker cp");
        Shell("DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/debs/*.deb >/dev/null && rm -r /tmp/debs");
    }

    // "Inst NAME [OLD] (VERSION SUITE [ARCH])"
    [GeneratedRegex(@"^Inst (\S+) (?:\[\S+\] )?\((\S+) ", RegexOptions.Multiline)]
    private static partial Regex Inst();
}
