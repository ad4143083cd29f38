using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Bench;

/// <summary>
/// A host the per-task playbooks run against: this machine over connection local, or one container
/// over community.docker.docker. Both run the harness's ansible-playbook (Ansible's defaults only).
/// </summary>
public abstract class Target : IAsyncDisposable
{
    /// <summary>"local" or "docker": the connection, as the results name it.</summary>
    public abstract string Name { get; }

    /// <summary>The inventory host name.</summary>
    public abstract string Host { get; }

    /// <summary>Scratch directory on the host for the files the tasks manage.</summary>
    public abstract string Dir { get; }

    /// <summary>Runs a shell command on the host (state resets; never timed).</summary>
    public abstract Task<string> ExecAsync(string script);

    /// <summary>
    /// Runs the playbook. Returns its wall time, and the span from the start of its first task to the end
    /// of its last one as the ansible.posix.json callback records them: the tasks' own cost, without the
    /// second or so ansible-playbook spends starting (Python imports, inventory, parsing), which on a
    /// busy machine varies more than a task costs.
    /// </summary>
    public async Task<(double WallSeconds, double TaskSeconds, PlaybookResult Result)> RunAsync(string playbook, JsonObject extraVars, bool pipelining)
    {
        var options = new PlaybookOptions
        {
            ExtraVars = extraVars,
            Environment = new Dictionary<string, string?> { ["ANSIBLE_PIPELINING"] = pipelining ? "True" : "False" },
            JsonOutput = true,
        };
        var clock = Stopwatch.StartNew();
        var result = await RunPlaybookAsync(Playbook.File(playbook), options);
        var seconds = clock.Elapsed.TotalSeconds;
        result.EnsureSuccess();
        var durations = result.Json!["plays"]!.AsArray()
            .SelectMany(p => p!["tasks"]!.AsArray())
            .Select(t => t!["task"]!["duration"]!)
            .ToList();
        var start = durations.Min(d => DateTimeOffset.Parse((string)d["start"]!, CultureInfo.InvariantCulture));
        var end = durations.Max(d => DateTimeOffset.Parse((string)d["end"]!, CultureInfo.InvariantCulture));
        return (seconds, (end - start).TotalSeconds, result);
    }

    protected abstract Task<PlaybookResult> RunPlaybookAsync(Playbook playbook, PlaybookOptions options);

    public abstract ValueTask DisposeAsync();
}

/// <summary>This machine, connection local. The files live in a temp directory; nothing else is written.</summary>
public sealed class LocalTarget : Target
{
    private readonly string dir = Directory.CreateTempSubdirectory("hws-bench-local-").FullName;

    public override string Name => "local";

    public override string Host => "localhost";

    public override string Dir => dir;

    public override Task<string> ExecAsync(string script) => Shell.BashAsync(script);

    protected override Task<PlaybookResult> RunPlaybookAsync(Playbook playbook, PlaybookOptions options) =>
        LocalPlaybook.RunAsync(playbook, options);

    public override ValueTask DisposeAsync()
    {
        Directory.Delete(dir, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>One systemd container of the harness (the node image, the local apt repository), over community.docker.docker.</summary>
public sealed class DockerTarget : Target
{
    private readonly Cluster cluster;

    private DockerTarget(Cluster cluster) => this.cluster = cluster;

    public override string Name => "docker";

    public override string Host => cluster.Nodes[0].Name;

    public override string Dir => "/root/hws-bench";

    public static async Task<DockerTarget> StartAsync()
    {
        var cluster = await Cluster.StartAsync(new ClusterOptions { Nodes = [new NodeSpec("bench-node")] });
        return new DockerTarget(cluster);
    }

    public override async Task<string> ExecAsync(string script) => (await cluster.Nodes[0].ExecOkAsync(script)).Stdout;

    protected override Task<PlaybookResult> RunPlaybookAsync(Playbook playbook, PlaybookOptions options) =>
        cluster.RunPlaybookAsync(playbook, options);

    public override ValueTask DisposeAsync() => cluster.DisposeAsync();
}
