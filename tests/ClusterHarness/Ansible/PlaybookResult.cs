using System.Text.Json.Nodes;

namespace HpcWekaSlurm.ClusterHarness.Ansible;

/// <summary>What an ansible-playbook run printed and its per-host recap.</summary>
public sealed class PlaybookResult
{
    public required int ExitCode { get; init; }

    public required string Stdout { get; init; }

    public required string Stderr { get; init; }

    /// <summary>Per-host counts of the PLAY RECAP, keyed by inventory host name.</summary>
    public required IReadOnlyDictionary<string, HostRecap> Recap { get; init; }

    /// <summary>The whole ansible.posix.json document when <see cref="PlaybookOptions.JsonOutput"/> was set.</summary>
    public JsonObject? Json { get; init; }

    /// <summary>Exit code 0, a recap, and no host failed or unreachable.</summary>
    public bool Succeeded => ExitCode == 0 && Recap.Count > 0 && Recap.Values.All(h => h is { Failed: 0, Unreachable: 0 });

    /// <summary>Sum of changed over every host: 0 is what an idempotence run must show.</summary>
    public int Changed => Recap.Values.Sum(h => h.Changed);

    public PlaybookResult EnsureSuccess() => Succeeded
        ? this
        : throw new InvalidOperationException($"ansible-playbook failed (exit code {ExitCode})\n{this}");

    /// <summary>
    /// Each host's result of the task(s) named <paramref name="taskName"/> (needs <see cref="PlaybookOptions.JsonOutput"/>),
    /// e.g. a module's return values such as a munge key fingerprint.
    /// </summary>
    public IReadOnlyDictionary<string, JsonObject> TaskResults(string taskName)
    {
        var plays = (Json ?? throw new InvalidOperationException("run with PlaybookOptions.JsonOutput to read task results"))["plays"]?.AsArray() ?? [];
        var results = new Dictionary<string, JsonObject>();
        foreach (var task in plays.SelectMany(p => p?["tasks"]?.AsArray() ?? []))
        {
            if ((string?)task?["task"]?["name"] == taskName)
            {
                foreach (var (host, result) in task!["hosts"]!.AsObject())
                {
                    results[host] = result!.AsObject();
                }
            }
        }

        return results.Count > 0 ? results : throw new ArgumentException($"no task named '{taskName}' ran", nameof(taskName));
    }

    public override string ToString() => $"--- stdout\n{Stdout}\n--- stderr\n{Stderr}";
}
