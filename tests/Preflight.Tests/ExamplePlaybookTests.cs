using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Preflight.Tests;

/// <summary>Both example playbooks run the preflight first, and --skip-tags preflight leaves it out.</summary>
public sealed class ExamplePlaybookTests
{
    [Theory]
    [InlineData("dedicated_backend")]
    [InlineData("converged")]
    public async Task Example_runs_the_preflight_play_first_and_skip_tags_leaves_it_out(string example)
    {
        var all = await ListTasks(example);
        var skipped = await ListTasks(example, "--skip-tags", "preflight");

        Assert.StartsWith("Preflight, the cluster-wide checks", Plays(all)[0]);
        Assert.Contains("Compare every node with the others and with the inventory", all);
        Assert.DoesNotContain("Compare every node with the others and with the inventory", skipped);
        Assert.Contains("Install the Slurm packages of this node's roles", skipped);
    }

    private static async Task<string> ListTasks(string example, params string[] extra)
    {
        var run = await LocalPlaybook.RunAsync(Playbook.File($"playbooks/{example}.yml"), new PlaybookOptions
        {
            Inventories = [$"playbooks/inventories/{example}"],
            ExtraArgs = ["--list-tasks", .. extra],
        });
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.Stdout;
    }

    /// <summary>"play #1 (hosts): NAME\tTAGS: [...]" lines, in order.</summary>
    private static List<string> Plays(string listing) =>
        [.. listing.Split('\n').Where(l => l.TrimStart().StartsWith("play #", StringComparison.Ordinal)).Select(l => l[(l.IndexOf("): ", StringComparison.Ordinal) + 3)..])];
}
