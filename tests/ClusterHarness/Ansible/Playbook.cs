namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>A playbook to run: a file of the checkout, or YAML text written to the run's own directory.</summary>
public sealed class Playbook
{
    private readonly string? path;
    private readonly string? yaml;

    private Playbook(string? path, string? yaml)
    {
        this.path = path;
        this.yaml = yaml;
    }

    /// <summary>A playbook file; a relative path is taken from the checkout root (e.g. "playbooks/converged.yml").</summary>
    public static Playbook File(string path) => new(Path.GetFullPath(path, RepositoryPaths.Root), null);

    /// <summary>
    /// Inline YAML. It runs from a fresh directory, so no playbook-adjacent library/ or ansible.cfg of
    /// the checkout changes what it does.
    /// </summary>
    public static Playbook Yaml(string yaml) => new(null, yaml);

    public override string ToString() => path ?? "inline playbook";

    /// <summary>The path ansible-playbook gets: the file itself, or the YAML written into <paramref name="workDir"/>.</summary>
    internal string PathIn(string workDir)
    {
        if (path is not null)
        {
            return path;
        }

        var file = System.IO.Path.Combine(workDir, "playbook.yml");
        System.IO.File.WriteAllText(file, yaml);
        return file;
    }
}
