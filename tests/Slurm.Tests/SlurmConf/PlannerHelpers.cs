using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.SlurmConf;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.Tests.SlurmConf;

internal static class PlannerHelpers
{
    public static readonly VersionRules Slurm2205 = new(SlurmVersion.TryParse("22.05.8"));
    public static readonly VersionRules Slurm2405 = new(SlurmVersion.TryParse("24.05.4"));
    public static readonly VersionRules Slurm2411 = new(SlurmVersion.TryParse("24.11.5"));

    public static LineSpec Node(string name, params (string Key, string? Value)[] attributes) =>
        new(name, attributes.Select(a => new KeyValuePair<string, DesiredValue?>(a.Key, a.Value is null ? null : DesiredValue.Of(a.Value))).ToList());

    public static KeyValuePair<string, DesiredValue?> Set(string key, string? value) => new(key, value is null ? null : DesiredValue.Of(value));

    public static ConfPlan Plan(string text, SlurmConfRequest request) => SlurmConfPlanner.Plan(Fixtures.Bytes(text), request);

    public static string After(ConfPlan plan) => Fixtures.Text(plan.After);
}
