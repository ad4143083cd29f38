namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>Runs a playbook against this machine with the local connection (tests that need no containers).</summary>
public static class LocalPlaybook
{
    public static Task<PlaybookResult> RunAsync(Playbook playbook, PlaybookOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new PlaybookOptions();
        return AnsibleRunner.RunPlaybookAsync(playbook, Inventory.Local(options.HostVars), options, cancellationToken);
    }
}
