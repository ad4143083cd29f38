namespace HpcWekaSlurm.AnsibleModule.Results;

/// <summary>One before/after pair, rendered by Ansible's diff callback as a unified diff.</summary>
public sealed record DiffEntry(string Before, string After, string BeforeHeader, string AfterHeader);
