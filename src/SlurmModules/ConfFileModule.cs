using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Files;
using HpcWekaSlurm.Slurm;
using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.SlurmModules;

/// <summary>
/// The run every Slurm config module shares: lock the directory, read the file, plan, refuse a plan
/// with errors, check the candidate, write it atomically (or not, in check mode), report the
/// changes and what the daemons need.
/// </summary>
public static class ConfFileModule
{
    public static ConfPlan Run(ModuleContext context, ConfFileJob job)
    {
        using var directoryLock = FileLock.Acquire(job.Path);
        var current = ManagedFile.Snapshot(job.Path, job.Secret);
        if (!current.Exists && !job.Create)
        {
            throw new ModuleFailure($"'{job.Path}' does not exist and create is false");
        }

        ConfPlan plan;
        try
        {
            plan = job.Plan(current.Content ?? []);
        }
        catch (ArgumentException e)
        {
            throw new ModuleFailure($"{job.Label}: {e.Message}; nothing was changed");
        }
        catch (InvalidOperationException e)
        {
            throw new ModuleFailure($"{job.Label}: {e.Message}");
        }

        context.Result.Warnings.AddRange(plan.Warnings);
        if (plan.Errors.Count > 0)
        {
            throw new ModuleFailure($"{job.Label} was not changed: {string.Join("; ", plan.Errors)}")
            {
                Extra = { ["errors"] = new JsonArray([.. plan.Errors.Select(e => (JsonNode?)JsonValue.Create(e))]) },
            };
        }

        if (plan.Changed)
        {
            job.Check?.Invoke(plan);
        }

        var outcome = ManagedFile.Apply(context, current, new FileRequest(current.Path, plan.After, job.Ownership(plan))
        {
            Backup = job.Backup,
            NewFileMode = job.NewFileMode,
            Secret = job.Secret,
            Render = job.Render ?? (static b => ConfText.ToDisplay(ConfText.FromBytes(b))),
        });

        Report(context, job, plan, current.Path, outcome);
        return plan;
    }

    private static void Report(ModuleContext context, ConfFileJob job, ConfPlan plan, string path, FileOutcome outcome)
    {
        var restart = plan.Restart;
        context.Result
            .Set("path", path)
            .Set("changes", new JsonArray([.. plan.Changes.Select(c => (JsonNode?)new JsonObject
            {
                ["scope"] = c.Scope,
                ["name"] = c.Name,
                ["key"] = c.Key,
                ["before"] = c.Before,
                ["after"] = c.After,
            })]))
            .Set("restart_required", new JsonArray([.. restart.RestartRequired.Select(d => (JsonNode?)JsonValue.Create(d))]))
            .Set(job.NoRestartKey, restart.ReconfigureSufficient)
            .Set("restart_sequence", new JsonArray([.. restart.Sequence.Select(s => (JsonNode?)new JsonObject { ["daemon"] = s.Daemon, ["state"] = s.State })]))
            .Set("restart_reasons", new JsonArray([.. restart.Reasons.Select(r => (JsonNode?)JsonValue.Create(r))]));

        context.Result.Msg = plan.Changes.Count == 0
            ? $"{job.Label} already as requested{(outcome.AttributesChanged ? " (owner/mode corrected)" : string.Empty)}"
            : $"{job.Label}: {string.Join("; ", plan.Changes.Select(Describe))}";
    }

    private static string Describe(ConfChange c)
    {
        var where = c.Name is null ? string.Empty : $"{c.Scope} {c.Name}: ";
        return c.Key is null
            ? $"{c.Scope} {(c.Before is null ? c.After : c.Before)} {(c.Before is null ? "added" : "removed")}"
            : $"{where}{c.Key} {c.Before ?? "(unset)"} -> {c.After ?? "(removed)"}";
    }
}
