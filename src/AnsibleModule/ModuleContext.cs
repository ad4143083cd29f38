using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.AnsibleModule.Results;

namespace HpcWekaSlurm.AnsibleModule;

/// <summary>What a module body gets: its validated options, Ansible's mode flags, and its result to fill.</summary>
public sealed class ModuleContext
{
    public ModuleContext(ModuleParams parameters, AnsibleContext ansible, string moduleName)
    {
        Params = parameters;
        Ansible = ansible;
        ModuleName = moduleName;
    }

    public ModuleParams Params { get; }
    public AnsibleContext Ansible { get; }
    public string ModuleName { get; }
    public ModuleResult Result { get; } = new();

    public bool CheckMode => Ansible.CheckMode;
    public bool DiffMode => Ansible.Diff;

    public void Warn(string warning) => Result.Warnings.Add(warning);
}
