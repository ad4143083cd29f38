using HpcWekaSlurm.ClusterHarness.Molecule;
using Xunit.Abstractions;

namespace HpcWekaSlurm.Integration.Tests.Scenarios;

/// <summary>
/// The dedicated-backend scenario on each managed-host suite: Debian 12 (Slurm 22.05) and Debian 13
/// (Slurm 24.11, where CgroupAutomount is gone, slurmd runs Type=notify and installing it starts it),
/// converge, idempotence and verify, with the controller HPC_TEST_CONTROLLER names (this machine's
/// ansible-core 2.14, or 2.19 in the Debian 13 controller container). `make test-matrix` runs both.
/// </summary>
public class VersionMatrixTests(ITestOutputHelper output)
{
    [MatrixTheory]
    [Trait("Category", "Matrix")]
    [InlineData("dedicated", "bookworm")]
    [InlineData("dedicated", "trixie")]
    public async Task Scenario_converges_idempotently_and_verifies_on_each_slurm_release(string name, string suite)
    {
        var scenario = await MoleculeScenario.LoadAsync(name, suite);
        Assert.Equal(suite, scenario.Suite);
        await using var runner = new ScenarioRunner(scenario, output.WriteLine, keep: Environment.GetEnvironmentVariable("HPC_TEST_KEEP") == "1");

        await runner.RunAsync(["destroy", "create", "prepare", "converge", "idempotence", "verify", "destroy"]);

        Assert.Contains(runner.Steps, s => s.Step == "idempotence" && s.Playbook!.Changed == 0);
        Assert.Contains(runner.Steps, s => s.Step == "verify" && s.Playbook!.Succeeded);
    }
}
