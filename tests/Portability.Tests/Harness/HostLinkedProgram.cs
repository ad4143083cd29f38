namespace HpcWekaSlurm.Portability.Tests.Harness;

/// <summary>
/// A few lines of C linked the default way against this host's glibc (Debian 12, 2.36): it needs
/// __libc_start_main@GLIBC_2.34 and log@GLIBC_2.29, what a module linked without the sysroot needs.
/// </summary>
public static class HostLinkedProgram
{
    /// <param name="linkerArgs">More arguments for clang, e.g. a library to link.</param>
    public static string Build(string directory, params string[] linkerArgs)
    {
        Directory.CreateDirectory(directory);
        var source = Path.Combine(directory, "uses_log.c");
        var binary = Path.Combine(directory, "uses_log");
        File.WriteAllText(source, "#include <math.h>\nint main(void) { volatile double x = 2.0; return log(x) > 1.0; }\n");
        Proc.Run("clang", ["-fno-builtin", source, "-o", binary, "-lm", .. linkerArgs]).EnsureSuccess("clang uses_log.c");
        return binary;
    }
}
