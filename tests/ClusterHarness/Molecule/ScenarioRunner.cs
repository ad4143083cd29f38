using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.ClusterHarness.Molecule;

/// <summary>One step of a scenario run: its name, how long it took, and the playbook run if it had one.</summary>
public sealed record StepResult(string Step, TimeSpan Duration, PlaybookResult? Playbook);

/// <summary>
/// Runs a <see cref="MoleculeScenario"/>'s test_sequence the way Molecule does (create, prepare,
/// check, converge, idempotence, verify, destroy) on a harness <see cref="Cluster"/>, with the real
/// ansible-playbook over the docker connection. A failing step throws with the playbook's output.
/// </summary>
public sealed partial class ScenarioRunner : IAsyncDisposable
{
    private readonly MoleculeScenario scenario;
    private readonly Action<string> log;
    private readonly bool keep;
    private readonly AnsibleController? controller;

    /// <param name="keep">Leave the cluster running at the end (make demo); a later destroy step still removes it.</param>
    /// <param name="controller">Whose ansible-playbook runs the steps; null: the one HPC_TEST_CONTROLLER names.</param>
    public ScenarioRunner(MoleculeScenario scenario, Action<string>? log = null, bool keep = false, AnsibleController? controller = null)
    {
        this.scenario = scenario;
        this.log = log ?? (_ => { });
        this.keep = keep;
        this.controller = controller;
    }

    public Cluster? Cluster { get; private set; }

    public List<StepResult> Steps { get; } = [];

    /// <summary>Runs the scenario's test_sequence, or <paramref name="steps"/> when given.</summary>
    public async Task RunAsync(IEnumerable<string>? steps = null, CancellationToken cancellationToken = default)
    {
        var sequence = (steps ?? scenario.TestSequence).ToList();
        for (var i = 0; i < sequence.Count; i++)
        {
            // The closing destroy of a kept cluster is skipped; a leading one cleans up as in Molecule.
            if (keep && sequence[i] == "destroy" && i == sequence.Count - 1)
            {
                continue;
            }

            await StepAsync(sequence[i], cancellationToken);
        }
    }

    public async Task<StepResult> StepAsync(string step, CancellationToken cancellationToken = default)
    {
        log($"[{scenario.Name}] {step} ...");
        var clock = Stopwatch.StartNew();
        var playbook = step switch
        {
            "destroy" => await DestroyAsync(),
            "create" => await CreateAsync(cancellationToken),
            "check" => await PlaybookAsync("converge", check: true, cancellationToken),
            "idempotence" => EnsureIdempotent(await PlaybookAsync("converge", check: false, cancellationToken)),
            "dependency" or "syntax" or "lint" or "cleanup" => null,
            _ => await PlaybookAsync(step, check: false, cancellationToken),
        };
        var result = new StepResult(step, clock.Elapsed, playbook);
        Steps.Add(result);
        log($"[{scenario.Name}] {step} done in {clock.Elapsed.TotalSeconds:0.0} s" +
            (playbook is null ? string.Empty : $" (changed={playbook.Changed})"));
        return result;
    }

    public async ValueTask DisposeAsync()
    {
        if (!keep)
        {
            await DestroyAsync();
        }
    }

    private async Task<PlaybookResult?> CreateAsync(CancellationToken cancellationToken)
    {
        await DestroyAsync();
        Cluster = await Cluster.StartAsync(
            new ClusterOptions { Suite = scenario.Suite, Nodes = scenario.Nodes, Persistent = keep }, cancellationToken);
        return null;
    }

    private async Task<PlaybookResult?> DestroyAsync()
    {
        if (Cluster is not null)
        {
            await Cluster.DisposeAsync();
            Cluster = null;
        }

        return null;
    }

    /// <summary>
    /// Runs a step's playbook as the scenario does, with <paramref name="extraVars"/> after the scenario's
    /// ansible_args (so they win over its extra vars) and the JSON callback, so task results can be read.
    /// Returns the result whether or not it succeeded.
    /// </summary>
    public Task<PlaybookResult> RunPlaybookAsync(string step, JsonObject extraVars, CancellationToken cancellationToken = default) =>
        RequireCluster(step).RunPlaybookAsync(Playbook.File(scenario.PlaybookFor(step)), Options(check: false) with
        {
            // Inline JSON, not a file: the controller container sees only the checkout and the run's directory.
            ExtraArgs = [.. scenario.AnsibleArgs, "--extra-vars=" + extraVars.ToJsonString()],
            JsonOutput = true,
        }, cancellationToken);

    private async Task<PlaybookResult> PlaybookAsync(string step, bool check, CancellationToken cancellationToken)
    {
        var path = scenario.PlaybookFor(step);
        var result = await RequireCluster(step).RunPlaybookAsync(Playbook.File(path), Options(check), cancellationToken);
        return result.Succeeded
            ? result
            : throw new InvalidOperationException($"[{scenario.Name}] {(check ? "check" : step)} failed: {Path.GetFileName(path)}\n{result}");
    }

    private Cluster RequireCluster(string step) =>
        Cluster ?? throw new InvalidOperationException($"step '{step}' needs the cluster: run 'create' first");

    private PlaybookOptions Options(bool check) => new()
    {
        Check = check,
        Diff = check,
        GroupVars = scenario.GroupVars,
        ExtraArgs = scenario.AnsibleArgs,
        Controller = controller,
    };

    /// <summary>Molecule's idempotence rule: the second converge changes nothing on any host.</summary>
    private PlaybookResult EnsureIdempotent(PlaybookResult second)
    {
        if (second.Changed == 0)
        {
            return second;
        }

        var changedTasks = ChangedTask().Matches(second.Stdout).Select(m => m.Groups[1].Value.Trim()).Distinct();
        throw new InvalidOperationException(
            $"[{scenario.Name}] idempotence failed: the second converge changed {second.Changed} task(s): {string.Join("; ", changedTasks)}\n{second}");
    }

    // "TASK [name] ***" followed, before the next TASK, by a "changed: [host]" line.
    [GeneratedRegex(@"TASK \[([^\]]+)\][^\n]*\n(?:(?!TASK \[)[^\n]*\n)*?changed: \[")]
    private static partial Regex ChangedTask();
}
