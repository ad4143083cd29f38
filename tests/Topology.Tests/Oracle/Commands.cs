using HpcWekaSlurm.AnsibleModule.Commands;

namespace HpcWekaSlurm.Topology.Tests.Oracle;

/// <summary>Short external commands the oracle needs; a non-zero exit fails the test with the command's output.</summary>
internal static class Commands
{
    public static string Run(string program, IEnumerable<string> args, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var argList = args.ToList();
        var result = CommandRunner.Run(program, argList, TimeSpan.FromSeconds(60), environment: environment);
        return result.Succeeded
            ? result.StdOut
            : throw new Xunit.Sdk.XunitException($"'{CommandRunner.Describe(program, argList)}' exited {result.ExitCode}: {result.StdOut}{result.StdErr}");
    }

    /// <summary>Stops a process this test started: SIGTERM, then SIGKILL if it lingers.</summary>
    public static void Stop(int pid)
    {
        if (!Alive(pid))
        {
            return;
        }

        CommandRunner.Run("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
        if (!Eventually(() => !Alive(pid), TimeSpan.FromSeconds(10)))
        {
            CommandRunner.Run("kill", ["-KILL", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromSeconds(10));
            Eventually(() => !Alive(pid), TimeSpan.FromSeconds(10));
        }
    }

    /// <summary>Polls until the condition holds or the time is up (a deadline, not an assertion on timing).</summary>
    public static bool Eventually(Func<bool> condition, TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            Thread.Sleep(50);
        }

        return true;
    }

    /// <summary>True while the process exists and is not a zombie.</summary>
    private static bool Alive(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..][0] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }
}
