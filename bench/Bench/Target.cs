using System.Diagnostics;
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

    /// <summary>Runs the playbook; returns its wall time in seconds and the run for checking.</summary>
    public async Task<(double Seconds, PlaybookResult Result)> RunAsync(string playbook, JsonObject extraVars, bool pipelining)
    {
        var options = new PlaybookOptions
        {
            ExtraVars = extraVars,
            Environment = new Dictionary<string, string?> { ["ANSIBLE_PIPELINING"] = pipelining ? "True" : "False" },
        };
        var clock = Stopwatch.StartNew();
        var result = await RunPlaybookAsync(Playbook.File(playbook), options);
        var seconds = clock.Elapsed.TotalSeconds;
        return (seconds, result.EnsureSuccess());
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
