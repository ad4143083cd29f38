using System.Diagnostics;
using System.Globalization;
using System.Text;
using HpcWekaSlurm.Slurm.Tests.Host;

namespace HpcWekaSlurm.Slurm.Tests.Integration;

/// <summary>
/// A one-node Slurm cluster of real daemons on loopback: munged on a private socket, slurmctld and
/// slurmd in the foreground as children of the test (ports 26817/26818), everything under a temp
/// directory. Every process is stopped by its own PID on dispose.
/// </summary>
public sealed class LocalCluster : IDisposable
{
    public const int ControllerPort = 26817;
    public const int NodePort = 26818;

    private readonly StringBuilder _log = new();
    private Process? _slurmctld;
    private Process? _slurmd;
    private int? _munged;

    public LocalCluster(string nodeName)
    {
        NodeName = nodeName;
        Root = Directory.CreateTempSubdirectory("slurm-it-").FullName;
        // munged runs as user munge and must reach its directory below this one.
        File.SetUnixFileMode(Root, (UnixFileMode)Convert.ToInt32("755", 8));
        foreach (var dir in new[] { "etc", "state", "spool", "log", "munge" })
        {
            Directory.CreateDirectory(Path.Combine(Root, dir));
        }
    }

    public string Root { get; }

    public string NodeName { get; }

    public string Etc => Path.Combine(Root, "etc");

    public string SlurmConf => Path.Combine(Etc, "slurm.conf");

    public string MungeSocket => Path.Combine(Root, "munge", "munge.sock");

    public IReadOnlyDictionary<string, string> Environment => new Dictionary<string, string> { ["SLURM_CONF"] = SlurmConf };

    /// <summary>munged as user munge with its own key and socket (never the host's).</summary>
    public void StartMunge()
    {
        var dir = Path.Combine(Root, "munge");
        var key = Path.Combine(dir, "munge.key");
        Must(Processes.Run("/usr/sbin/mungekey", ["-c", "-k", key, "-b", "1024"]), "mungekey");
        Must(Processes.Run("/bin/chown", ["-R", "munge:munge", dir]), "chown");
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        // munged wants execute permission for all on the socket's directory, and no write for others.
        File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        var pidFile = Path.Combine(dir, "munged.pid");
        Must(Processes.Run("/usr/sbin/runuser", ["-u", "munge", "--", "/usr/sbin/munged", $"--socket={MungeSocket}", $"--key-file={key}",
            $"--pid-file={pidFile}", $"--log-file={Path.Combine(dir, "munged.log")}", $"--seed-file={Path.Combine(dir, "munged.seed")}"]), "munged");
        _munged = int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture);
    }

    public void StartController() => _slurmctld = Daemon("/usr/sbin/slurmctld", ["-D", "-f", SlurmConf]);

    public void StopController() => Stop(ref _slurmctld);

    public void StartNode() => _slurmd = Daemon("/usr/sbin/slurmd", ["-D", "-f", SlurmConf, "-N", NodeName]);

    public void StopNode() => Stop(ref _slurmd);

    /// <summary>Puts a daemon into the state ansible.builtin.service would (stopped, started, restarted).</summary>
    public void Apply(string daemon, string state)
    {
        Action stop = daemon == "slurmctld" ? StopController : StopNode;
        Action start = daemon == "slurmctld" ? StartController : StartNode;
        switch (state)
        {
            case "stopped":
                stop();
                break;
            case "started":
                start();
                break;
            case "restarted":
                stop();
                start();
                break;
            default:
                throw new ArgumentException($"unknown state {state}");
        }
    }

    public string Scontrol(params string[] arguments) => Must(Processes.Run("/usr/bin/scontrol", arguments, Environment), "scontrol").StdOut;

    public string Srun(params string[] arguments) => Must(Processes.Run("/usr/bin/srun", arguments, Environment, timeoutSeconds: 120), "srun").StdOut;

    /// <summary>Waits (up to a minute) until the node reports <paramref name="state"/>; fails with the logs otherwise.</summary>
    public string WaitForNode(string state)
    {
        var last = string.Empty;
        for (var i = 0; i < 300; i++)
        {
            var outcome = Processes.Run("/usr/bin/scontrol", ["show", "node", NodeName], Environment);
            last = outcome.StdOut + outcome.StdErr;
            if (last.Contains($"State={state} ", StringComparison.Ordinal) || last.Contains($"State={state}\n", StringComparison.Ordinal))
            {
                return last;
            }

            Thread.Sleep(200);
        }

        throw new InvalidOperationException($"node {NodeName} did not become {state}: {last}\n{Logs()}");
    }

    public string Logs()
    {
        var sb = new StringBuilder(_log.ToString());
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Root, "log")))
        {
            sb.AppendLine($"== {file}").AppendLine(string.Join('\n', File.ReadLines(file).TakeLast(30)));
        }

        return sb.ToString();
    }

    public void Dispose()
    {
        StopNode();
        StopController();
        if (_munged is { } pid)
        {
            Processes.Stop(pid);
        }

        RemoveCgroups();
        Directory.Delete(Root, recursive: true);
    }

    private Process Daemon(string program, IReadOnlyList<string> arguments)
    {
        var process = Processes.Start(program, arguments, Environment, out var stdout, out var stderr);
        lock (_log)
        {
            _log.AppendLine($"started {program} pid {process.Id}");
        }

        Thread.Sleep(100);
        if (process.HasExited)
        {
            throw new InvalidOperationException($"{program} exited with {process.ExitCode}: {stderr}{stdout}\n{Logs()}");
        }

        return process;
    }

    private static void Stop(ref Process? process)
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            Processes.Stop(process.Id);
        }

        process.WaitForExit();
        process.Dispose();
        process = null;
    }

    /// <summary>slurmd leaves empty slurm_NODE cgroups behind; remove ours, deepest first.</summary>
    private void RemoveCgroups()
    {
        foreach (var top in Directory.Exists("/sys/fs/cgroup") ? Directory.EnumerateDirectories("/sys/fs/cgroup") : [])
        {
            var mine = Path.Combine(top, $"slurm_{NodeName}");
            if (!Directory.Exists(mine))
            {
                continue;
            }

            foreach (var dir in Directory.EnumerateDirectories(mine, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length).Append(mine))
            {
                try
                {
                    Directory.Delete(dir);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    // Still in use or not empty: leave it, it does no harm.
                }
            }
        }
    }

    private static HpcWekaSlurm.Slurm.Host.CommandOutcome Must(HpcWekaSlurm.Slurm.Host.CommandOutcome outcome, string what) =>
        outcome.ExitCode == 0 ? outcome : throw new InvalidOperationException($"{what} failed ({outcome.ExitCode}): {outcome.StdErr}{outcome.StdOut}");
}
