using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Restarts;

namespace HpcWekaSlurm.Slurm.SlurmConf;

/// <summary>
/// Plans a slurm.conf edit: current bytes + request -> new bytes, changes, restart decision,
/// validation. Pure: reads and writes nothing, so it is tested without a module or a host.
/// </summary>
public static class SlurmConfPlanner
{
    /// <exception cref="ArgumentException">The request cannot be applied (bad key, host list, duplicate node...); the message says why.</exception>
    public static ConfPlan Plan(byte[] current, SlurmConfRequest request)
    {
        var document = ConfDocument.Parse(current, ConfDialect.SlurmConf);
        var changes = new List<ConfChange>();

        foreach (var (key, value) in request.Settings)
        {
            if (ConfEditor.SetSetting(document, key, value) is { } change)
            {
                changes.Add(change);
            }
        }

        if (request.Nodes.Count > 0 || request.ExclusiveNodes)
        {
            new NodeLineEditor(document, changes).Apply(request.Nodes, request.ExclusiveNodes);
        }

        if (request.Partitions.Count > 0 || request.ExclusivePartitions)
        {
            PartitionLineEditor.Apply(document, request.Partitions, request.ExclusivePartitions, changes);
        }

        var after = document.ToBytes();
        ReadBack.Verify(after, ConfDialect.SlurmConf, request.Settings);

        var before = SlurmConfValidator.Validate(ConfDocument.Parse(current, ConfDialect.SlurmConf), request.Hardware);
        var (errors, warnings) = SlurmConfValidator.Validate(ConfDocument.Parse(after, ConfDialect.SlurmConf), request.Hardware);
        var newErrors = errors.Except(before.Errors).ToList();
        var allWarnings = warnings.Concat(errors.Intersect(before.Errors).Select(e => $"{e} (already so in the file; not changed by this task)")).ToList();
        if (changes.Count > 0)
        {
            allWarnings.AddRange(IncludeWarnings(document));
        }

        var impacts = changes.Select(c => ImpactOf(c, request)).ToList();
        return new ConfPlan(current, after, changes, RestartDecision.From(impacts), allWarnings, newErrors);
    }

    private static Impact ImpactOf(ConfChange change, SlurmConfRequest request) => change.Scope switch
    {
        "node" => SlurmConfRestartRules.ForNode(change.Name!, change.Key, change.Before, change.After, request.Rules),
        "partition" => SlurmConfRestartRules.ForPartition(change.Name!, change.Key, change.Before, change.After),
        _ => SlurmConfRestartRules.ForSetting(change.Key!, change.Before, change.After, request.Rules),
    };

    /// <summary>Keys in included files are not managed here; say so, so nobody wonders why a value does not stick.</summary>
    private static IEnumerable<string> IncludeWarnings(ConfDocument document) =>
        document.Records.Where(r => r.Kind == ConfRecordKind.Include)
            .Select(r => $"the file includes '{ConfText.ToDisplay(r.IncludePath!)}': keys set there are not managed by this task and may override the ones set here");
}
