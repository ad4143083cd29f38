namespace FastPath.Tests.Harness;

/// <summary>
/// A managed host the playbooks run against, as inventory host <c>target</c>; its shell (as root) lets
/// the tests look at and tamper with the binary cache directly.
/// </summary>
public abstract class Target : IDisposable
{
    public abstract string Kind { get; }

    /// <summary>Inventory variables that reach this host (connection and address).</summary>
    public abstract string InventoryVars { get; }

    /// <summary>The default cache of the connection user (root): ~/.ansible/hpc_weka_slurm.</summary>
    public abstract string RootCacheDir { get; }

    /// <summary>An unprivileged user with a home and /bin/sh, for become tests.</summary>
    public abstract string User { get; }

    public string UserCacheDir => $"/home/{User}/.ansible/hpc_weka_slurm";

    /// <summary>A directory on the host every user may write, for the files the modules manage.</summary>
    public abstract string Scratch { get; }

    /// <summary>Environment of ansible-playbook on the controller (its own HOME, so its ~/.ansible is private).</summary>
    public abstract IDictionary<string, string> ControllerEnv { get; }

    /// <summary>Runs a script as root on the host and returns its stdout.</summary>
    public abstract string Shell(string script);

    /// <summary>File names in a directory of the host (empty when it does not exist).</summary>
    public IReadOnlyList<string> List(string dir) =>
        Shell($"[ -d {dir} ] && ls -A {dir} || true").Split('\n', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>"owner mode" of a path on the host, e.g. "root 700".</summary>
    public string OwnerAndMode(string path) => Shell($"stat -c '%U %a' {path}").Trim();

    public abstract void Dispose();

    public static Target Create(string kind, DockerEnvironment docker) => kind switch
    {
        "local" => new LocalTarget(),
        "docker" => new DockerTarget(docker),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "local or docker"),
    };
}

/// <summary>This machine over connection local; the playbook's HOME is a private temp dir.</summary>
public sealed class LocalTarget : Target
{
    private const string TestUser = "hpcfastpath";
    private readonly string _root = Path.Combine(Path.GetTempPath(), "hpc-fastpath-" + Guid.NewGuid().ToString("N")[..12]);

    public LocalTarget()
    {
        Directory.CreateDirectory(Path.Combine(_root, "home"));
        Directory.CreateDirectory(Scratch);
        File.SetUnixFileMode(Scratch, (UnixFileMode)Convert.ToInt32("1777", 8));
        // The become tests need a real unprivileged user here; created once, left for later runs.
        Proc.Sh($"id -u {TestUser} >/dev/null 2>&1 || useradd --create-home --shell /bin/sh {TestUser}");
        Proc.Sh($"rm -rf {UserCacheDir}");
    }

    public override string Kind => "local";

    // async_dir: the async wrapper would expand ~ with the playbook's HOME, async_status with root's home.
    public override string InventoryVars => $"ansible_connection=local ansible_python_interpreter=/usr/bin/python3 ansible_async_dir={_root}/async";

    public override string RootCacheDir => Path.Combine(_root, "home", ".ansible", "hpc_weka_slurm");

    public override string User => TestUser;

    public override string Scratch => Path.Combine(_root, "scratch");

    public override IDictionary<string, string> ControllerEnv => new Dictionary<string, string> { ["HOME"] = Path.Combine(_root, "home") };

    public override string Shell(string script) => Proc.Sh(script);

    public override void Dispose()
    {
        Proc.Sh($"rm -rf {_root} {UserCacheDir}");
    }
}

/// <summary>A fresh container of the node image over the community.docker.docker connection.</summary>
public sealed class DockerTarget : Target
{
    private const string TestUser = "fastpath";
    private readonly string _name = "hpc-fastpath-" + Guid.NewGuid().ToString("N")[..12];
    private readonly string _controllerHome = Path.Combine(Path.GetTempPath(), "hpc-fastpath-home-" + Guid.NewGuid().ToString("N")[..12]);

    public DockerTarget(DockerEnvironment docker)
    {
        Directory.CreateDirectory(_controllerHome);
        Proc.Run("docker", ["run", "-d", "--name", _name, "--network", docker.Network, docker.Image, "sleep", "infinity"])
            .EnsureSuccess("docker run");
        Shell($"useradd --create-home --shell /bin/sh {TestUser} && mkdir -m 1777 {Scratch}");
    }

    public override string Kind => "docker";

    public override string InventoryVars => $"ansible_connection=community.docker.docker ansible_host={_name} ansible_python_interpreter=/usr/bin/python3";

    public override string RootCacheDir => "/root/.ansible/hpc_weka_slurm";

    public override string User => TestUser;

    public override string Scratch => "/tmp/scratch";

    public override IDictionary<string, string> ControllerEnv => new Dictionary<string, string> { ["HOME"] = _controllerHome };

    public string Container => _name;

    public override string Shell(string script) =>
        Proc.Run("docker", ["exec", _name, "/bin/sh", "-c", script]).EnsureSuccess($"docker exec sh -c '{script}'").Stdout;

    public override void Dispose()
    {
        Proc.Run("docker", ["rm", "-f", _name]);
        Directory.Delete(_controllerHome, recursive: true);
    }
}
