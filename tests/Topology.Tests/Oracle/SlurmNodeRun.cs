using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace HpcWekaSlurm.Topology.Tests.Oracle;

/// <summary>What real Slurm said about a node line on a topology.</summary>
internal sealed record SlurmVerdict(
    IReadOnlyDictionary<string, string> Node,
    IReadOnlyDictionary<int, int> CpuMap,
    (int Cpus, int Boards, int Sockets, int CoresPerSocket, int ThreadsPerCore) Hardware,
    string SlurmdLog);

/// <summary>
/// Runs slurmctld and slurmd by hand on loopback with a temp config and state, slurmd reading the
/// given hwloc XML (HWLOC_XMLFILE) at SlurmdDebug=debug5, waits for the node to register, and
/// collects <c>scontrol show node</c> and slurmd's "CPU map[abstract]=>os" log. Both daemons are
/// stopped by PID afterwards.
/// </summary>
internal static partial class SlurmNodeRun
{
    private static readonly TimeSpan RegistrationLimit = TimeSpan.FromSeconds(60);

    public static SlurmVerdict Run(MungeFixture munge, string nodeName, string nodeLine, string hwlocXml)
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Sub("state"));
        Directory.CreateDirectory(dir.Sub("spool"));
        var (controllerPort, nodePort) = FreePorts();
        var conf = dir.Sub("slurm.conf");
        File.WriteAllText(conf, $"""
            ClusterName=topo-oracle
            SlurmctldHost={Environment.MachineName.Split('.')[0]}(127.0.0.1)
            SlurmctldPort={controllerPort}
            SlurmdPort={nodePort}
            CommunicationParameters=NoInAddrAny
            SlurmUser=root
            SlurmdUser=root
            AuthType=auth/munge
            AuthInfo=socket={munge.Socket}
            CredType=cred/munge
            StateSaveLocation={dir.Sub("state")}
            SlurmdSpoolDir={dir.Sub("spool")}
            SlurmctldPidFile={dir.Sub("slurmctld.pid")}
            SlurmdPidFile={dir.Sub("slurmd.pid")}
            SlurmctldLogFile={dir.Sub("slurmctld.log")}
            SlurmdLogFile={dir.Sub("slurmd.log")}
            SlurmdDebug=debug5
            ProctrackType=proctrack/linuxproc
            TaskPlugin=task/none
            MpiDefault=none
            SelectType=select/cons_tres
            SelectTypeParameters=CR_Core_Memory
            ReturnToService=2
            {nodeLine} NodeAddr=127.0.0.1 Port={nodePort}
            PartitionName=oracle Nodes={nodeName} Default=YES State=UP

            """);

        var environment = new Dictionary<string, string?> { ["SLURM_CONF"] = conf };
        using var controller = Start("/usr/sbin/slurmctld", ["-D", "-f", conf], environment);
        using var node = Start(SlurmInstall.Slurmd, ["-D", "-f", conf, "-N", nodeName], new Dictionary<string, string?>(environment) { ["HWLOC_XMLFILE"] = hwlocXml });
        var show = string.Empty;
        var registered = Commands.Eventually(
            () =>
            {
                show = TryScontrol(environment, nodeName);
                return show.Contains("SlurmdStartTime=", StringComparison.Ordinal) && !show.Contains("SlurmdStartTime=None", StringComparison.Ordinal);
            },
            RegistrationLimit);
        var log = File.Exists(dir.Sub("slurmd.log")) ? File.ReadAllText(dir.Sub("slurmd.log")) : string.Empty;
        if (!registered)
        {
            var controllerLog = File.Exists(dir.Sub("slurmctld.log")) ? File.ReadAllText(dir.Sub("slurmctld.log")) : string.Empty;
            throw new Xunit.Sdk.XunitException($"node {nodeName} did not register within {RegistrationLimit.TotalSeconds} s.\nscontrol: {show}\n" +
                                               $"slurmctld: {Tail(controllerLog + controller.Output)}\nslurmd: {Tail(log + node.Output)}");
        }

        return new SlurmVerdict(ParseNode(show), ParseCpuMap(log), ParseHardware(log), log);
    }

    /// <summary>Two free TCP ports on loopback, from 16817 up (away from Slurm's 6817-6819 and from each test run's neighbours).</summary>
    private static (int, int) FreePorts()
    {
        var ports = new List<int>();
        for (var port = 16817 + Random.Shared.Next(0, 2000); ports.Count < 2; port++)
        {
            try
            {
                using var socket = new System.Net.Sockets.Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(IPAddress.Any, port));
                ports.Add(port);
            }
            catch (SocketException)
            {
            }
        }

        return (ports[0], ports[1]);
    }

    private static string TryScontrol(IReadOnlyDictionary<string, string?> environment, string nodeName)
    {
        var result = AnsibleModule.Commands.CommandRunner.Run("scontrol", ["show", "node", nodeName, "--oneliner"], TimeSpan.FromSeconds(20), environment: environment);
        return result.StdOut + result.StdErr;
    }

    private static Dictionary<string, string> ParseNode(string show) =>
        show.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(field => field.Contains('='))
            .Select(field => field.Split('=', 2))
            .GroupBy(kv => kv[0])
            .ToDictionary(g => g.Key, g => g.First()[1]);

    /// <summary>slurmd logs its map each time it reads the topology; the entries agree, the last one wins.</summary>
    private static Dictionary<int, int> ParseCpuMap(string log)
    {
        var map = new Dictionary<int, int>();
        foreach (Match m in CpuMapLine().Matches(log))
        {
            map[int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)] = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        }

        return map;
    }

    private static (int, int, int, int, int) ParseHardware(string log)
    {
        var m = HardwareLine().Match(log);
        if (!m.Success)
        {
            throw new Xunit.Sdk.XunitException($"slurmd logged no hardware line: {Tail(log)}");
        }

        int Group(int i) => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture);
        return (Group(1), Group(2), Group(3), Group(4), Group(5));
    }

    private static string Tail(string text) => text.Length > 4000 ? text[^4000..] : text;

    private static Daemon Start(string program, IReadOnlyList<string> args, IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }

        return new Daemon(Process.Start(info) ?? throw new InvalidOperationException($"cannot start {program}"));
    }

    [GeneratedRegex(@"CPU map\[(\d+)\]=>(\d+)")]
    private static partial Regex CpuMapLine();

    [GeneratedRegex(@"CPUs:(\d+) Boards:(\d+) Sockets:(\d+) CoresPerSocket:(\d+) ThreadsPerCore:(\d+)")]
    private static partial Regex HardwareLine();

    /// <summary>A daemon started in the foreground (-D); its output is kept for failure messages; disposing stops it by PID.</summary>
    private sealed class Daemon : IDisposable
    {
        private readonly Process _process;
        private readonly StringBuilder _output = new();

        public Daemon(Process process)
        {
            _process = process;
            _process.OutputDataReceived += (_, e) => Append(e.Data);
            _process.ErrorDataReceived += (_, e) => Append(e.Data);
            _process.BeginOutputReadLine();
            _process.BeginErrorReadLine();
        }

        public string Output
        {
            get
            {
                lock (_output)
                {
                    return _output.ToString();
                }
            }
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                Commands.Stop(_process.Id);
                _process.WaitForExit();
            }

            _process.Dispose();
        }

        private void Append(string? line)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
