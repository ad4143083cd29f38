namespace FastPath.Tests.Harness;

/// <summary>
/// This machine over connection local, standing in for a host of another architecture (no such machine
/// is reachable here). ansible-playbook is started through a wrapper placed first on the controller's PATH:
///   aarch64  the run gets a user and mount namespace with a binfmt_misc of its own (Linux 6.7+), where
///            Debian's qemu-user-static registration (/usr/lib/binfmt.d/qemu-aarch64.conf) runs every aarch64
///            ELF: the cached module, the stock path's AnsiballZ_ file, and `uname`, which is the arm64
///            sysroot's own coreutils uname and prints aarch64 because qemu answers its uname(2).
///            QEMU_LD_PREFIX gives the emulated programs the sysroot's loader and glibc.
///   other    `uname -m` prints that name (a script); nothing runs differently.
/// </summary>
public sealed class ArchitectureStandIn : Target
{
    private const string BinfmtRegistration = "/usr/lib/binfmt.d/qemu-aarch64.conf";
    private static readonly string SysRoot = Path.Combine(Repo.Root, "build", "sysroot", "aarch64");

    private readonly LocalTarget local = new();
    private readonly string bin = Directory.CreateTempSubdirectory("hpc-arch-stand-in-").FullName;
    private readonly Dictionary<string, string> env;

    public ArchitectureStandIn(string arch)
    {
        Arch = arch;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin";
        env = new Dictionary<string, string>(local.ControllerEnv) { ["PATH"] = $"{bin}:{path}" };
        if (arch == "aarch64")
        {
            var playbook = path.Split(':').Select(dir => Path.Combine(dir, "ansible-playbook")).First(File.Exists);
            Write("ansible-playbook", $"""
                #!/bin/sh
                exec unshare --user --map-root-user --mount /bin/sh -c '
                  mount -t binfmt_misc binfmt_misc /proc/sys/fs/binfmt_misc &&
                  cat {BinfmtRegistration} > /proc/sys/fs/binfmt_misc/register &&
                  exec {playbook} "$@"' ansible-playbook "$@"
                """);
            File.CreateSymbolicLink(Path.Combine(bin, "uname"), Path.Combine(SysRoot, "usr", "bin", "uname"));
            env["QEMU_LD_PREFIX"] = SysRoot;
        }
        else
        {
            Write("uname", $"#!/bin/sh\n[ \"$1\" = -m ] && echo {arch} || exec /usr/bin/uname \"$@\"\n");
        }
    }

    public string Arch { get; }

    public override string Kind => $"{Arch} stand-in";

    public override string InventoryVars => local.InventoryVars;

    public override string RootCacheDir => local.RootCacheDir;

    public override string User => local.User;

    public override string Scratch => local.Scratch;

    public override IDictionary<string, string> ControllerEnv => env;

    public override string Shell(string script) => local.Shell(script);

    public override void Dispose()
    {
        local.Dispose();
        Directory.Delete(bin, recursive: true);
    }

    private void Write(string name, string script)
    {
        var file = Path.Combine(bin, name);
        File.WriteAllText(file, script);
        File.SetUnixFileMode(file, (UnixFileMode)Convert.ToInt32("755", 8));
    }
}
