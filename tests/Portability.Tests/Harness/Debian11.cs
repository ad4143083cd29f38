namespace HpcWekaSlurm.Portability.Tests.Harness;

/// <summary>
/// A Debian 11 container (glibc 2.31, the oldest glibc whose packages the mirror still serves) from the
/// team's node image, with no network. The module binaries are mounted read-only; a scratch directory
/// shared with the host holds each run's files and args.
/// </summary>
public sealed class Debian11 : IDisposable
{
    public const string Suite = "bullseye";
    // The modules dir's grandparent is mounted, so plugins/modules/NAME links to ../../bin/<arch>/ resolve inside.
    private const string TreeMount = "/modules-tree";

    public static string ModulesMount { get; } = TreeMount + "/" + Path.GetRelativePath(ModulesTree, Repo.ModulesDir);

    private static string ModulesTree => Path.GetFullPath(Path.Combine(Repo.ModulesDir, "..", ".."));
    public const string ScratchMount = "/scratch";

    private readonly string container;

    public Debian11()
    {
        Proc.Run(Repo.Tool("containers/start-dockerd.sh"), []).EnsureSuccess("start-dockerd.sh");
        Proc.Run(Repo.Tool("containers/build-image.sh"), [Suite], timeoutSeconds: 1800).EnsureSuccess($"build-image.sh {Suite}");
        Scratch = Directory.CreateTempSubdirectory("hpc-portability-").FullName;
        container = Proc.Run("docker", [
            "run", "--detach", "--rm", "--network", "none",
            "--volume", $"{ModulesTree}:{TreeMount}:ro", "--volume", $"{Scratch}:{ScratchMount}",
            $"hpc-weka-slurm/node:{Suite}", "sleep", "infinity",
        ]).EnsureSuccess("docker run").Stdout.Trim();
    }

    /// <summary>Host path of the directory the container sees as <see cref="ScratchMount"/>.</summary>
    public string Scratch { get; }

    public ProcResult Exec(params string[] command) => Proc.Run("docker", ["exec", container, .. command]);

    public void Dispose()
    {
        Proc.Run("docker", ["rm", "--force", container]);
        Directory.Delete(Scratch, recursive: true);
    }
}
