namespace HpcWekaSlurm.AnsibleModule.Arguments;

/// <summary>The option types of Ansible's argument spec, converted the way AnsibleModule converts them.</summary>
public enum ArgType
{
    Raw,
    Str,
    Bool,
    Int,
    Float,
    List,
    Dict,
    Path,
}
