using System.Text.Json.Nodes;

namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>How to run a playbook. Every option maps to one ansible-playbook argument or environment variable.</summary>
public sealed record PlaybookOptions
{
    /// <summary>--check.</summary>
    public bool Check { get; init; }

    /// <summary>--diff.</summary>
    public bool Diff { get; init; }

    /// <summary>-e @file: the highest-precedence variables.</summary>
    public JsonObject? ExtraVars { get; init; }

    /// <summary>Inventory variables per host name (cluster runs), e.g. the CPU a compute node reserves.</summary>
    public IReadOnlyDictionary<string, JsonObject>? HostVars { get; init; }

    /// <summary>Further -i sources after the generated one (e.g. a directory whose group_vars the play needs); relative to the checkout root.</summary>
    public IReadOnlyList<string> Inventories { get; init; } = [];

    /// <summary>A group_vars directory for the generated inventory (e.g. a Molecule scenario's inventory link).</summary>
    public string? GroupVars { get; init; }

    /// <summary>Anything else, appended as is (e.g. "--limit", "compute-0", "-vvv").</summary>
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];

    /// <summary>Extra environment for ansible-playbook; overrides the harness's own ANSIBLE_* settings.</summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>
    /// Use the ansible.posix.json stdout callback: <see cref="PlaybookResult.Json"/> then holds every
    /// task's result per host (e.g. a module's return values) and the recap comes from its stats.
    /// </summary>
    public bool JsonOutput { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Whose ansible-playbook runs it; null: the one HPC_TEST_CONTROLLER names (<see cref="AnsibleController.FromEnvironment"/>).</summary>
    public AnsibleController? Controller { get; init; }
}
