using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;
using KeyMaterial = HpcWekaSlurm.Slurm.Munge.MungeKey;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>The munge key's fingerprint, computed as munge_key computes it; the key's bytes go to the scrubber only.</summary>
public static class MungeKeyProbe
{
    public static MungeKeyFact Read(string path, ICollection<string> secrets)
    {
        FileSnapshot key;
        try
        {
            key = FileSnapshot.Read(path);
        }
        catch (ModuleFailure e)
        {
            return new MungeKeyFact(path, null, null, e.Message);
        }

        if (key.Content is not { } bytes)
        {
            return new MungeKeyFact(path, null, null, null);
        }

        foreach (var form in KeyMaterial.TextForms(bytes))
        {
            secrets.Add(form);
        }

        return new MungeKeyFact(path, KeyMaterial.Fingerprint(bytes), bytes.Length, null);
    }
}
