namespace FastPath.Tests.Harness;

/// <summary>
/// The docker engine, the node image and an internal network of our own, made ready once for all
/// tests by the team's scripts (tools/containers). Containers reach nothing but that network.
/// </summary>
public sealed class DockerEnvironment : IDisposable
{
    public string Image { get; } = "hpc-weka-slurm/node:bookworm";

    public string Network { get; } = "hpc-fastpath-tests";

    public DockerEnvironment()
    {
        var scripts = Path.Combine(Repo.Root, "tools", "containers");
        Proc.Run(Path.Combine(scripts, "start-dockerd.sh"), []).EnsureSuccess("start-dockerd.sh");
        Proc.Run(Path.Combine(scripts, "build-image.sh"), ["bookworm"], timeoutSeconds: 1200).EnsureSuccess("build-image.sh bookworm");
        if (Proc.Run("docker", ["network", "inspect", Network]).ExitCode != 0)
        {
            Proc.Run("docker", ["network", "create", "--internal", Network]).EnsureSuccess("docker network create");
        }
    }

    public void Dispose() => Proc.Run("docker", ["network", "rm", Network]);
}

[CollectionDefinition(Name)]
public sealed class AnsibleCollection : ICollectionFixture<DockerEnvironment>
{
    /// <summary>One collection: the tests share the engine and run one playbook at a time (2-core machine).</summary>
    public const string Name = "ansible-playbook";
}
