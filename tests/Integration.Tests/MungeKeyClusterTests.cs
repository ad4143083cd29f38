using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Ansible;

namespace HpcWekaSlurm.Integration.Tests;

public sealed class MungeKeyCluster : ClusterFixture
{
    protected override ClusterOptions Options => new()
    {
        Nodes =
        [
            new NodeSpec("controller", "slurm_controller"),
            new NodeSpec("compute-0", "slurm_compute"),
            new NodeSpec("compute-1", "slurm_compute"),
        ],
    };
}

/// <summary>
/// hpc.weka_slurm.munge_key on real containers running munged: the EXAMPLES playbook of the
/// module's documentation, run as a user would paste it. Every node starts with the random key
/// its munge package generated; afterwards a credential made on one node decodes on the others.
/// </summary>
public sealed class MungeKeyClusterTests(MungeKeyCluster fixture) : IClassFixture<MungeKeyCluster>
{
    private const string Key = "/etc/munge/munge.key";

    private static readonly string[] Nodes = ["controller", "compute-0", "compute-1"];

    private Cluster Cluster => fixture.Cluster;

    [Fact]
    public async Task Documented_playbook_gives_every_node_the_controllers_key_munge_works_across_nodes_and_a_second_run_changes_nothing()
    {
        await InstallMunge();
        var packageKeys = await Fingerprints();

        var first = await Run(verbose: true);
        var second = await Run(json: true);

        Assert.True(first.Succeeded, first.ToString());
        await AssertNoKeyIn(first);
        var fingerprints = await Fingerprints();
        Assert.Single(fingerprints.Distinct());
        Assert.Equal(packageKeys[0], fingerprints[0]);   // the controller kept the key it had
        foreach (var node in Nodes)
        {
            Assert.Equal("400 munge munge", (await Cluster.ExecOkAsync(node, $"stat -c '%a %U %G' {Key}")).Stdout.Trim());
            Assert.Equal("700 munge munge", (await Cluster.ExecOkAsync(node, "stat -c '%a %U %G' /etc/munge")).Stdout.Trim());
        }

        await AssertCredentialsCrossNodes();
        Assert.True(second.Succeeded, second.ToString());
        Assert.Equal(0, second.Changed);
        var reported = second.TaskResults("Read the key fingerprint (sha256; the key itself is never shown)");
        Assert.All(Nodes, n => Assert.Equal(fingerprints[0], (string?)reported[n]["fingerprint"]));
    }

    [Fact]
    public async Task Rotation_in_check_mode_changes_no_key_and_the_real_rotation_reaches_every_node()
    {
        await InstallMunge();
        (await Run()).EnsureSuccess();
        var before = await Fingerprints();

        var check = await Run(rotate: true, check: true);
        Assert.True(check.Succeeded, check.ToString());
        Assert.Equal(before, await Fingerprints());

        var rotation = await Run(rotate: true, verbose: true);
        Assert.True(rotation.Succeeded, rotation.ToString());
        await AssertNoKeyIn(rotation);
        var after = await Fingerprints();
        Assert.Single(after.Distinct());
        Assert.NotEqual(before[0], after[0]);
        var backups = await Cluster.ExecOkAsync("controller", $"stat -c '%a %U %G' {Key}.*~");
        Assert.All(backups.Stdout.Trim().Split('\n'), line => Assert.Equal("400 munge munge", line));
        await AssertCredentialsCrossNodes();
    }

    /// <summary>The munge package, from the local repository: it creates the user, a random key and starts munged.</summary>
    private async Task InstallMunge() =>
        await Task.WhenAll(Nodes.Select(n => Cluster.ExecOkAsync(n, "DEBIAN_FRONTEND=noninteractive apt-get install -y -q munge")));

    private Task<PlaybookResult> Run(bool rotate = false, bool check = false, bool verbose = false, bool json = false) =>
        Cluster.RunPlaybookAsync(Playbook.Yaml(DocumentedExamples()), new PlaybookOptions
        {
            Check = check,
            JsonOutput = json,
            ExtraVars = rotate ? new() { ["munge_key_rotate"] = true } : null,
            ExtraArgs = verbose ? ["-vvvv"] : [],
        });

    /// <summary>The EXAMPLES block of collection/plugins/modules/munge_key.yml, unindented: the playbook users paste.</summary>
    private static string DocumentedExamples()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "collection", "plugins", "modules", "munge_key.yml"));
        var start = doc.IndexOf("EXAMPLES: |\n", StringComparison.Ordinal) + "EXAMPLES: |\n".Length;
        var end = doc.IndexOf("\nRETURN:", start, StringComparison.Ordinal);
        return string.Join('\n', doc[start..end].Split('\n').Select(l => l.StartsWith("  ", StringComparison.Ordinal) ? l[2..] : l));
    }

    private async Task<List<string>> Fingerprints()
    {
        var sums = await Task.WhenAll(Nodes.Select(n => Cluster.ExecOkAsync(n, $"sha256sum {Key} | cut -d' ' -f1")));
        return sums.Select(s => s.Stdout.Trim()).ToList();
    }

    /// <summary>The controller's key, as base64 and as hex, appears nowhere in what ansible-playbook printed.</summary>
    private async Task AssertNoKeyIn(PlaybookResult result)
    {
        var base64 = (await Cluster.ExecOkAsync("controller", $"base64 -w0 {Key}")).Stdout.Trim();
        var hex = (await Cluster.ExecOkAsync("controller", $"od -An -v -tx1 {Key} | tr -d ' \\n'")).Stdout.Trim();
        Assert.True(base64.Length > 40 && hex.Length > 60);
        foreach (var form in new[] { base64, hex, hex.ToUpperInvariant() })
        {
            Assert.DoesNotContain(form, result.Stdout);
            Assert.DoesNotContain(form, result.Stderr);
        }
    }

    /// <summary>A credential encoded on each node decodes on every other one (munged there holds the same key).</summary>
    private async Task AssertCredentialsCrossNodes()
    {
        foreach (var from in Nodes)
        {
            var credential = (await Cluster.ExecOkAsync(from, "munge -n")).Stdout.Trim();
            foreach (var to in Nodes.Where(n => n != from))
            {
                var decoded = await Cluster.ExecAsync(to, $"echo '{credential}' | unmunge");
                Assert.True(decoded.Succeeded, $"{from} -> {to}: {decoded.Stdout}{decoded.Stderr}");
                Assert.Contains("Success (0)", decoded.Stdout);
            }
        }
    }
}
