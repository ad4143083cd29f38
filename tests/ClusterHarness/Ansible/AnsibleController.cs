namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>
/// Which ansible-playbook runs a playbook: this machine's (Debian 12, ansible-core 2.14), or, with
/// HPC_TEST_CONTROLLER=2.19, the one in the Debian 13 controller image (ansible-core 2.19,
/// tools/containers/build-controller.sh) with the Docker socket mounted, so it reaches the node
/// containers through the same community.docker.docker connection. The checkout, the installed
/// collections and the run's work directory are mounted at their own paths, so every path in the
/// arguments means the same inside.
/// </summary>
public sealed record AnsibleController(string Name, string? Image)
{
    public static AnsibleController Host { get; } = new("host", null);

    /// <summary>The Debian 13 controller image: ansible-core 2.19, community.docker from Debian's ansible package.</summary>
    public static AnsibleController Trixie { get; } = new("trixie", "hpc-weka-slurm/controller:trixie");

    /// <summary>HPC_TEST_CONTROLLER: empty or "host" for this machine, "2.19" or "trixie" for the Debian 13 controller.</summary>
    public static AnsibleController FromEnvironment() => Environment.GetEnvironmentVariable("HPC_TEST_CONTROLLER") switch
    {
        null or "" or "host" => Host,
        "2.19" or "trixie" => Trixie,
        var other => throw new InvalidOperationException($"HPC_TEST_CONTROLLER={other}: use host, 2.19 or trixie"),
    };

    private const string DockerSocket = "/var/run/docker.sock";

    private static readonly Lazy<Task> Built = new(async () =>
        (await HostProcess.RunAsync(Path.Combine(RepositoryPaths.ContainerTools, "build-controller.sh"), ["trixie"], TimeSpan.FromMinutes(20)))
            .EnsureSuccess("tools/containers/build-controller.sh trixie"));

    /// <summary>Builds the controller image once per test process (cached on disk and in Docker).</summary>
    public Task EnsureAsync() => Image is null ? Task.CompletedTask : Built.Value;

    /// <summary>The program and arguments that run ansible-playbook with <paramref name="arguments"/> in <paramref name="work"/>.</summary>
    internal (string Program, List<string> Arguments) Command(
        IReadOnlyList<string> arguments, string work, IReadOnlyDictionary<string, string?> environment)
    {
        if (Image is null)
        {
            return ("ansible-playbook", [.. arguments]);
        }

        // No network: the docker connection goes through the socket; the modules run in the node containers.
        List<string> docker =
        [
            "run", "--rm", "--init", "--network", "none", "--label", "hpc-weka-slurm.controller=1",
            "-v", $"{DockerSocket}:{DockerSocket}",
            "-v", $"{RepositoryPaths.Root}:{RepositoryPaths.Root}:ro",
            "-v", $"{work}:{work}",
            "-w", work,
        ];
        if (RepositoryPaths.Collections is { } collections && !collections.StartsWith(RepositoryPaths.Root + "/", StringComparison.Ordinal))
        {
            docker.AddRange(["-v", $"{collections}:{collections}:ro"]);
        }

        foreach (var (key, value) in environment)
        {
            docker.AddRange(["-e", $"{key}={value}"]);
        }

        docker.AddRange([Image, "ansible-playbook", .. arguments]);
        return ("docker", docker);
    }
}
