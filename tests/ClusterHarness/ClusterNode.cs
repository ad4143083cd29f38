using DotNet.Testcontainers.Containers;

namespace HpcWekaSlurm.ClusterHarness;

/// <summary>One running container of a <see cref="Cluster"/>: systemd as PID 1, reachable by its hostname.</summary>
public sealed class ClusterNode
{
    internal ClusterNode(NodeSpec spec, string containerName, IContainer container)
    {
        Spec = spec;
        ContainerName = containerName;
        Container = container;
    }

    /// <summary>Hostname, network alias and inventory name (e.g. "compute-0").</summary>
    public string Name => Spec.Name;

    public IReadOnlyList<string> Groups => Spec.Groups;

    /// <summary>Docker's name for the container: what `docker exec` and Ansible's ansible_host use.</summary>
    public string ContainerName { get; }

    internal NodeSpec Spec { get; }

    internal IContainer Container { get; }

    /// <summary>Runs <paramref name="command"/> with /bin/sh -c as root in the container.</summary>
    public async Task<CommandOutput> ExecAsync(string command, CancellationToken cancellationToken = default)
    {
        var result = await Container.ExecAsync(["/bin/sh", "-c", command], cancellationToken);
        return new CommandOutput((int)result.ExitCode, result.Stdout, result.Stderr);
    }

    /// <summary>Like <see cref="ExecAsync"/>, throwing with the output when the command fails.</summary>
    public async Task<CommandOutput> ExecOkAsync(string command, CancellationToken cancellationToken = default) =>
        (await ExecAsync(command, cancellationToken)).EnsureSuccess($"'{command}' on {Name}");

    /// <summary>Waits until systemd finished booting and every unit started ("running").</summary>
    internal async Task WaitForSystemdAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            // Until PID 1 opened its socket, systemctl fails at once ("Failed to connect to bus").
            var state = await ExecAsync("systemctl is-system-running --wait", cancellationToken);
            switch (state.Stdout.Trim())
            {
                case "running":
                    return;
                case "degraded":
                    var failed = await ExecAsync("systemctl --failed --no-legend --no-pager", cancellationToken);
                    throw new InvalidOperationException($"systemd on {Name} is degraded; failed units:\n{failed.Stdout}");
                default:
                    await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
                    break;
            }
        }
    }
}
