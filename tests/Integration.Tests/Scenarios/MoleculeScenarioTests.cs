using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Molecule;
using Xunit.Abstractions;

namespace HpcWekaSlurm.Integration.Tests.Scenarios;

/// <summary>
/// The Molecule scenarios run as Molecule would run them (molecule/NAME/molecule.yml), on real systemd
/// containers with real apt, munged, slurmctld, slurmd, slurmdbd and MariaDB; only the WEKA agent is a
/// test stand-in (molecule/shared/prepare.yml), because the WEKA client is proprietary.
/// </summary>
public class MoleculeScenarioTests(ITestOutputHelper output)
{
    // What a check run must leave exactly as it was: packages, configuration and Slurm state.
    private const string HostState =
        "(dpkg-query -W; find /etc /var/lib/slurm /var/spool -xdev \\( -type f -o -type l \\) -exec md5sum {} + 2>/dev/null | sort) | md5sum";

    [Theory]
    [InlineData("dedicated")]
    [InlineData("converged")]
    public async Task Scenario_checks_without_changes_then_converges_idempotently_and_verifies_with_standin_weka_agent(string name)
    {
        var scenario = await MoleculeScenario.LoadAsync(name);
        await using var runner = new ScenarioRunner(scenario, output.WriteLine);
        var sequence = scenario.TestSequence;
        var check = sequence.ToList().IndexOf("check");
        Assert.True(check > 0, $"{name}: the test_sequence must run 'check' before 'converge'");

        await runner.RunAsync(sequence.Take(check));
        var before = await StateAsync(runner.Cluster!);
        await runner.StepAsync("check");
        Assert.Equal(before, await StateAsync(runner.Cluster!));

        await runner.RunAsync(sequence.Skip(check + 1));
        Assert.Contains(runner.Steps, s => s.Step == "idempotence" && s.Playbook!.Changed == 0);
        Assert.Contains(runner.Steps, s => s.Step == "verify" && s.Playbook!.Succeeded);
    }

    private static async Task<Dictionary<string, string>> StateAsync(Cluster cluster)
    {
        var state = new Dictionary<string, string>();
        foreach (var node in cluster.Nodes)
        {
            state[node.Name] = (await node.ExecOkAsync(HostState)).Stdout;
        }

        return state;
    }
}
