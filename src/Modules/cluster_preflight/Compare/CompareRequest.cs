using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>The comparing options as the rules' input, every value checked before any rule runs.</summary>
public static class CompareRequest
{
    public static (PreflightInput Input, IReadOnlyList<string> Ignore) From(ModuleParams p)
    {
        var skew = p.Float("max_clock_skew")!.Value;
        if (!double.IsFinite(skew) || skew <= 0)
        {
            throw new ModuleFailure($"option 'max_clock_skew': must be a positive number of seconds, got {skew}");
        }

        var hosts = new List<PreflightHost>();
        var missing = new List<string>(p.StrList("missing_hosts"));
        try
        {
            var all = JsonFields.Of(p.Dict("hosts"), "hosts");
            foreach (var name in all.Keys)
            {
                var entry = all.OptionalDict(name);

                // A node whose gathering failed has no facts in hostvars: reported, not compared.
                if (entry?.OptionalDict("facts") is not { } facts)
                {
                    missing.Add(name);
                    continue;
                }

                hosts.Add(new PreflightHost(name, FactsJson.Read(facts), HostExpectations.Read(entry.OptionalDict("expect"))));
            }
        }
        catch (FormatException e)
        {
            throw new ModuleFailure($"option 'hosts': {e.Message}");
        }

        return (new PreflightInput(hosts, [.. missing.Distinct()], p.Str("reference_host"), skew), p.StrList("ignore"));
    }
}
