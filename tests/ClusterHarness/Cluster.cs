using System.Security.Cryptography;
using System.Text.RegularExpressions;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Configurations;
using DotNet.Testcontainers.Images;
using DotNet.Testcontainers.Networks;
using HpcWekaSlurm.ClusterHarness.Ansible;
using Microsoft.Extensions.Logging.Abstractions;

namespace HpcWekaSlurm.ClusterHarness;

/// <summary>
/// Containers running systemd as PID 1 on their own internal Docker network, each with the local apt
/// repository of its suite mounted at /srv/localrepo (the only apt source of the image). Disposing
/// removes the containers and the network.
/// </summary>
public sealed partial class Cluster : IAsyncDisposable
{
    private readonly List<ClusterNode> nodes = [];
    private INetwork? network;

    private Cluster(string id, string suite)
    {
        Id = id;
        Suite = suite;
    }

    /// <summary>Random id in every name and in the hpc-weka-slurm.cluster label of the cluster's resources.</summary>
    public string Id { get; }

    public string Suite { get; }

    public string NetworkName => $"hws-{Id}";

    public string Subnet { get; private set; } = string.Empty;

    public IReadOnlyList<ClusterNode> Nodes => nodes;

    public ClusterNode this[string name] =>
        nodes.Find(n => n.Name == name) ?? throw new ArgumentException($"no node '{name}' in this cluster", nameof(name));

    /// <summary>
    /// Builds the node image and local repository when missing (cached), then starts every node and
    /// waits until systemd runs on all of them; on any failure removes what it created.
    /// </summary>
    public static async Task<Cluster> StartAsync(ClusterOptions options, CancellationToken cancellationToken = default)
    {
        Validate(options);
        await NodeImages.EnsureAsync(options.Suite);
        await Leftovers.ReapOnceAsync();
        // Ryuk, Testcontainers' reaper, is an image from a registry; there is none here.
        TestcontainersSettings.ResourceReaperEnabled = false;

        var cluster = new Cluster(Convert.ToHexString(RandomNumberGenerator.GetBytes(4)).ToLowerInvariant(), options.Suite);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.StartTimeout);
        try
        {
            await cluster.StartNodesAsync(options, limit.Token);
            return cluster;
        }
        catch (Exception e)
        {
            await cluster.DisposeAsync();
            if (e is OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException($"cluster did not come up within {options.StartTimeout.TotalSeconds:0} s", e);
            }

            throw;
        }
    }

    public Task<CommandOutput> ExecAsync(string node, string command, CancellationToken cancellationToken = default) =>
        this[node].ExecAsync(command, cancellationToken);

    public Task<CommandOutput> ExecOkAsync(string node, string command, CancellationToken cancellationToken = default) =>
        this[node].ExecOkAsync(command, cancellationToken);

    /// <summary>
    /// Runs the real ansible-playbook against the nodes over the community.docker.docker connection,
    /// with an inventory of the nodes and their groups (see <see cref="Inventory.ForCluster"/>).
    /// </summary>
    public Task<PlaybookResult> RunPlaybookAsync(Playbook playbook, PlaybookOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PlaybookOptions();
        return AnsibleRunner.RunPlaybookAsync(playbook, Inventory.ForCluster(this, options.HostVars), options, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await Task.WhenAll(nodes.Select(n => n.Container.DisposeAsync().AsTask()));
        nodes.Clear();
        if (network is not null)
        {
            await network.DisposeAsync();
            network = null;
        }
    }

    /// <summary>Removes every persistent cluster's containers and networks (make demo-clean).</summary>
    public static async Task RemovePersistentAsync()
    {
        var filter = $"label={ClusterLabels.Owner}={ClusterLabels.PersistentOwner}";
        var containers = await HostProcess.RunAsync("docker", ["ps", "-aq", "--filter", filter], TimeSpan.FromMinutes(1));
        var ids = containers.EnsureSuccess("docker ps").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (ids.Length > 0)
        {
            (await HostProcess.RunAsync("docker", ["rm", "-f", .. ids], TimeSpan.FromMinutes(2))).EnsureSuccess("docker rm");
        }

        var networks = await HostProcess.RunAsync("docker", ["network", "ls", "-q", "--filter", filter], TimeSpan.FromMinutes(1));
        var netIds = networks.EnsureSuccess("docker network ls").Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (netIds.Length > 0)
        {
            (await HostProcess.RunAsync("docker", ["network", "rm", .. netIds], TimeSpan.FromMinutes(1))).EnsureSuccess("docker network rm");
        }
    }

    private static void Validate(ClusterOptions options)
    {
        if (options.Nodes.Count == 0)
        {
            throw new ArgumentException("a cluster needs at least one node", nameof(options));
        }

        foreach (var name in options.Nodes.Select(n => n.Name))
        {
            if (!HostnamePattern().IsMatch(name))
            {
                throw new ArgumentException($"node name '{name}' is not a valid hostname", nameof(options));
            }
        }

        var duplicate = options.Nodes.GroupBy(n => n.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new ArgumentException($"node name '{duplicate.Key}' is used twice", nameof(options));
        }
    }

    private async Task StartNodesAsync(ClusterOptions options, CancellationToken cancellationToken)
    {
        var labels = ClusterLabels.For(Id, options.Persistent);
        (network, Subnet) = await ClusterNetwork.CreateAsync(NetworkName, labels, cancellationToken);
        nodes.AddRange(options.Nodes.Select(spec => CreateNode(spec, labels)));
        await Task.WhenAll(nodes.Select(n => n.Container.StartAsync(cancellationToken)));
        await Task.WhenAll(nodes.Select(n => n.WaitForSystemdAsync(cancellationToken)));
        if (options.AptUpdate)
        {
            await Task.WhenAll(nodes.Select(n => n.ExecOkAsync("apt-get update -qq", cancellationToken)));
        }
    }

    private ClusterNode CreateNode(NodeSpec spec, IReadOnlyDictionary<string, string> labels)
    {
        var containerName = $"hws-{Id}-{spec.Name}";
        // systemd as PID 1 without --privileged (which fails here): platform-facts.md "Docker".
        var container = new ContainerBuilder()
            .WithImage(NodeImages.ImageName(Suite))
            .WithImagePullPolicy(PullPolicy.Never)
            .WithName(containerName)
            .WithHostname(spec.Name)
            .WithNetwork(network!)
            .WithNetworkAliases(spec.Name)
            .WithLabel(labels)
            .WithLogger(NullLogger.Instance)   // it would log every exec; failures carry their output
            .WithTmpfsMount("/run")
            .WithTmpfsMount("/run/lock")
            .WithBindMount("/sys/fs/cgroup", "/sys/fs/cgroup", AccessMode.ReadWrite)
            .WithBindMount(RepositoryPaths.LocalRepo(Suite), "/srv/localrepo", AccessMode.ReadOnly)
            .WithCreateParameterModifier(p =>
            {
                p.HostConfig.CapAdd = ["SYS_ADMIN"];
                p.HostConfig.CgroupnsMode = "host";
                // systemd's clean-shutdown signal (docker import cannot set it in the image).
                p.StopSignal = "SIGRTMIN+3";
            })
            .Build();
        return new ClusterNode(spec, containerName, container);
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")]
    private static partial Regex HostnamePattern();
}
