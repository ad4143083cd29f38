namespace HpcWekaSlurm.Portability.Tests.Harness;

/// <summary>
/// The arm64 build of the modules (collection/bin/aarch64/hpc_weka_slurm, from make collection) run on
/// this x86_64 machine by Debian's qemu-user, called directly (binfmt_misc is not needed). The program
/// starts through the arm64 sysroot's own dynamic loader and libraries (glibc 2.31, what the build links
/// against) rather than qemu's -L prefix, which would also redirect the module's file accesses
/// (/etc/passwd, the args file) into the sysroot: this way the module sees the same files as the x86_64 build.
/// </summary>
public sealed class Arm64Build : IDisposable
{
    public const string Qemu = "qemu-aarch64-static";

    private static readonly string SysRoot = Path.Combine(Repo.Root, "build", "sysroot", "aarch64");

    private readonly string links = Directory.CreateTempSubdirectory("hpc-arm64-modules-").FullName;

    public Arm64Build()
    {
        Scratch = Directory.CreateTempSubdirectory("hpc-arm64-").FullName;
        // The binary picks its module by the name it runs as, like plugins/modules/NAME.
        foreach (var module in Repo.ModuleNames())
        {
            File.CreateSymbolicLink(Path.Combine(links, module), Binary);
        }
    }

    public static string Binary => Path.Combine(Repo.Root, "collection", "bin", "aarch64", "hpc_weka_slurm");

    /// <summary>A directory for the runs' files.</summary>
    public string Scratch { get; }

    /// <summary>Runs MODULE's arm64 build on an args file, as Ansible's stock path runs a module.</summary>
    public ProcResult Run(string module, string argsFile)
    {
        var libraries = string.Join(':', Path.Combine(SysRoot, "lib", "aarch64-linux-gnu"), Path.Combine(SysRoot, "usr", "lib", "aarch64-linux-gnu"));
        return Proc.Run(Qemu, [Path.Combine(SysRoot, "lib", "ld-linux-aarch64.so.1"), "--library-path", libraries, Path.Combine(links, module), argsFile]);
    }

    public void Dispose()
    {
        Directory.Delete(links, recursive: true);
        Directory.Delete(Scratch, recursive: true);
    }
}
