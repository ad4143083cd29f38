using System.Diagnostics;
using HpcWekaSlurm.ClusterHarness.Ansible;
using HpcWekaSlurm.ClusterHarness.Molecule;

namespace HpcWekaSlurm.Bench;

/// <summary>Seconds per (playbook, step): playbook "example" or "builtin", step "converge" or "rerun".</summary>
public sealed class ClusterResults
{
    public Dictionary<(string Playbook, string Step), List<double>> Seconds { get; } = [];

    /// <summary>Runs that failed (the playbook, and why): reported instead of a figure.</summary>
    public List<string> Failures { get; } = [];

    public Stats? Get(string playbook, string step) => Seconds.TryGetValue((playbook, step), out var s) ? Stats.Of(s) : null;

    /// <summary>Example over builtin, round by round.</summary>
    public Stats? Ratio(string step) =>
        Seconds.TryGetValue(("example", step), out var a) && Seconds.TryGetValue(("builtin", step), out var b)
            ? Stats.Of(a.Zip(b, (x, y) => x / y).ToList())
            : null;

    public void Add(string playbook, string step, double seconds) =>
        (Seconds.TryGetValue((playbook, step), out var list) ? list : Seconds[(playbook, step)] = []).Add(seconds);
}

/// <summary>
/// Part 3: the dedicated scenario (molecule/dedicated) on fresh containers, created and prepared by the
/// harness's ScenarioRunner as Molecule would, then converged with the example playbook (the scenario's
/// converge step) or with bench/builtin/cluster.yml (builtin modules only, same inventory, same extra
/// vars), then rerun; the rerun must change nothing, and the scenario's verify playbook must pass after
/// either, which shows both playbooks built the same working cluster.
/// </summary>
public static partial class ClusterBench
{
    public const string BuiltinPlaybook = "builtin/cluster.yml";

    public static async Task<ClusterResults> RunAsync(Settings settings, Action<string> log)
    {
        var scenario = await MoleculeScenario.LoadAsync("dedicated");
        // The scenario runner starts ansible-playbook with this process's environment (the harness's empty
        // ansible.cfg leaves pipelining to it), and the builtin runs go the same way: one setting for both.
        Environment.SetEnvironmentVariable("ANSIBLE_PIPELINING", settings.ClusterPipelining ? "True" : "False");
        var results = new ClusterResults();
        for (var round = 1 - settings.ClusterWarmUp; round <= settings.ClusterIterations; round++)
        {
            var warmUp = round == 0;
            // Alternate which playbook goes first, so a slow spell of the machine does not favour one.
            string[] order = round % 2 == 0 ? ["example", "builtin"] : ["builtin", "example"];
            foreach (var playbook in order)
            {
                log($"part 3: round {round} of {settings.ClusterIterations}{(warmUp ? " (warm-up)" : string.Empty)}: {playbook} playbook");
                double converge, rerun;
                try
                {
                    (converge, rerun) = await ConvergeAsync(scenario, playbook, Path.Combine(settings.BenchDir, BuiltinPlaybook), log);
                }
                catch (InvalidOperationException e)
                {
                    // A failed converge, rerun or verify: the other playbook's rounds still count, and the report says what failed.
                    var first = string.Join('\n', e.Message.Split('\n').Where(l => l.Contains("fatal:") || l.Contains("failed") || l.Contains("FAILED")).Take(6));
                    results.Failures.Add($"{playbook} playbook, round {round}: {e.Message.Split('\n')[0]}\n{first}");
                    log($"part 3: {playbook} failed: {e.Message.Split('\n')[0]}");
                    continue;
                }

                if (!warmUp)
                {
                    results.Add(playbook, "converge", converge);
                    results.Add(playbook, "rerun", rerun);
                }
            }
        }

        return results;
    }

    private static async Task<(double Converge, double Rerun)> ConvergeAsync(
        MoleculeScenario scenario, string playbook, string builtinPath, Action<string> log)
    {
        await using var runner = new ScenarioRunner(scenario, log);
        await runner.StepAsync("create");
        await runner.StepAsync("prepare");
        double converge, rerun;
        if (playbook == "example")
        {
            converge = (await runner.StepAsync("converge")).Duration.TotalSeconds;
            rerun = (await runner.StepAsync("idempotence")).Duration.TotalSeconds;
        }
        else
        {
            converge = await BuiltinAsync(runner, scenario, builtinPath, expectUnchanged: false);
            rerun = await BuiltinAsync(runner, scenario, builtinPath, expectUnchanged: true);
        }

        await runner.StepAsync("verify");
        return (converge, rerun);
    }

    /// <summary>The builtin-only playbook run exactly as the scenario's converge step runs the example.</summary>
    private static async Task<double> BuiltinAsync(ScenarioRunner runner, MoleculeScenario scenario, string path, bool expectUnchanged)
    {
        var clock = Stopwatch.StartNew();
        var result = await runner.Cluster!.RunPlaybookAsync(Playbook.File(path), new PlaybookOptions
        {
            GroupVars = scenario.GroupVars,
            ExtraArgs = scenario.AnsibleArgs,
        });
        var seconds = clock.Elapsed.TotalSeconds;
        result.EnsureSuccess();
        if (expectUnchanged && result.Changed != 0)
        {
            var tasks = ChangedTask().Matches(result.Stdout).Select(m => m.Groups[1].Value.Trim()).Distinct();
            throw new InvalidOperationException(
                $"the builtin playbook's rerun changed {result.Changed} task(s): it is not idempotent: {string.Join("; ", tasks)}\n{result}");
        }

        return seconds;
    }

    // "TASK [name] ***" followed, before the next TASK, by a "changed: [host]" line (as ScenarioRunner reads it).
    [System.Text.RegularExpressions.GeneratedRegex(@"TASK \[([^\]]+)\][^\n]*\n(?:(?!TASK \[)[^\n]*\n)*?changed: \[")]
    private static partial System.Text.RegularExpressions.Regex ChangedTask();
}
