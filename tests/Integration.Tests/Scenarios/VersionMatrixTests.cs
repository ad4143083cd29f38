using HpcWekaSlurm.ClusterHarness.Molecule;
using Xunit.Abstractions;

namespace HpcWekaSlurm.Integration.Tests.Scenarios;

/// <summary>
/// The dedicated-backend scenario on the newest managed hosts: Debian 13 (trixie) nodes with Slurm 24.11,
/// where CgroupAutomount is gone and installing slurmd starts it. Same converge, idempotence and verify
/// as the default (bookworm, Slurm 22.05) run; `make test-matrix` runs it (Category=Matrix).
/// </summary>
public class VersionMatrixTests(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Matrix")]
    [InlineData("dedicated", "trixie")]
    public async Task Scenario_converges_idempotently_and_verifies_on_newer_slurm_hosts(string name, string suite)
    {
        var scenario = await MoleculeScenario.LoadAsync(name, suite);
        Assert.Equal(suite, scenario.Suite);
        await using var runner = new ScenarioRunner(scenario, output.WriteLine, keep: Environment.GetEnvironmentVariable("HPC_TEST_KEEP") == "1");

        await runner.RunAsync(["destroy", "create", "prepare", "converge", "idempotence", "verify", "destroy"]);

        Assert.Contains(runner.Steps, s => s.Step == "idempotence" && s.Playbook!.Changed == 0);
        Assert.Contains(runner.Steps, s => s.Step == "verify" && s.Playbook!.Succeeded);
    }
}
