using System.Diagnostics;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;

namespace HpcWekaSlurm.Reliability.Tests.Library;

/// <summary>Shared bits of the library-level tests.</summary>
internal static class LibraryHelpers
{
    public static ModuleContext Context(bool check = false) =>
        new(ArgumentValidator.Validate(new ArgumentSpec(), [], "test"), new AnsibleContext { CheckMode = check, Diff = true }, "test");

    /// <summary>True when another process could take the directory's flock right now (flock(1) -n, from util-linux).</summary>
    public static bool Unlocked(string directory)
    {
        using var p = Process.Start("flock", ["-n", directory, "true"])!;
        p.WaitForExit();
        return p.ExitCode == 0;
    }

    /// <summary>Starts a process that holds the directory's flock until it exits; returns once it holds it.</summary>
    public static Process HoldLock(string directory, string command)
    {
        var holder = Process.Start("flock", [directory, "sh", "-c", command])!;
        while (Unlocked(directory))
        {
            Assert.False(holder.HasExited, "the lock holder exited before it held the lock");
            Thread.Sleep(10);
        }

        return holder;
    }
}
