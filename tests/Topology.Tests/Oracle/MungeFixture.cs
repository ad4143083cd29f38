using System.Globalization;

namespace HpcWekaSlurm.Topology.Tests.Oracle;

/// <summary>
/// A private munged for the oracle tests: its own key, socket, pid and log under a temp directory,
/// so it neither needs nor disturbs the machine's munge. Started when the first oracle test asks
/// for its socket, and stopped by its PID when the collection ends.
/// </summary>
public sealed class MungeFixture : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly Lazy<(string Socket, int Pid)> _daemon;

    public MungeFixture() => _daemon = new Lazy<(string, int)>(Start);

    /// <summary>The socket Slurm reaches munged on (AuthInfo=socket=...).</summary>
    public string Socket => _daemon.Value.Socket;

    public void Dispose()
    {
        if (_daemon.IsValueCreated)
        {
            Commands.Stop(_daemon.Value.Pid);
        }

        _dir.Dispose();
    }

    private (string, int) Start()
    {
        // munged insists: key dir and key owned by munge and private; socket dir traversable by everyone.
        var keyDir = _dir.Sub("key");
        var socketDir = _dir.Sub("socket");
        Directory.CreateDirectory(keyDir);
        Directory.CreateDirectory(socketDir);
        File.SetUnixFileMode(keyDir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        Commands.Run("chown", ["munge:munge", keyDir, socketDir]);

        var key = Path.Combine(keyDir, "munge.key");
        var pidFile = Path.Combine(keyDir, "munged.pid");
        var log = Path.Combine(keyDir, "munged.log");
        var socket = Path.Combine(socketDir, "munge.socket");
        Commands.Run("runuser", ["-u", "munge", "--", "mungekey", "--create", "--keyfile", key]);
        Commands.Run("runuser", ["-u", "munge", "--", "/usr/sbin/munged", "--socket", socket, "--key-file", key, "--pid-file", pidFile,
            "--log-file", log, "--seed-file", Path.Combine(keyDir, "munged.seed")]);
        if (!Commands.Eventually(() => File.Exists(pidFile) && File.Exists(socket), TimeSpan.FromSeconds(20)))
        {
            throw new InvalidOperationException($"munged did not start: {(File.Exists(log) ? File.ReadAllText(log) : "no log")}");
        }

        return (socket, int.Parse(File.ReadAllText(pidFile).Trim(), CultureInfo.InvariantCulture));
    }
}
