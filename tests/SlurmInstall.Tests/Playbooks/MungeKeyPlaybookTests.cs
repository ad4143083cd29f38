using System.Security.Cryptography;
using HpcWekaSlurm.Slurm.Munge;

namespace HpcWekaSlurm.SlurmInstall.Tests.Playbooks;

/// <summary>
/// The published munge_key binary run by real ansible-playbook (connection local, -vvvv) on keys
/// in a scratch directory. After every run, every key on disk (and every key the test made) is
/// searched for in all of Ansible's output so far, as base64 and as hex: it must never be there.
/// Needs root and the munge account (the munge package), as on a cluster node.
/// </summary>
public sealed class MungeKeyPlaybookTests : IDisposable
{
    private readonly LocalAnsible _ansible = new("munge_key");
    private readonly List<byte[]> _keys = [];
    private readonly List<string> _outputs = [];

    public void Dispose() => _ansible.Dispose();

    private string Scratch => _ansible.Scratch;

    private string KeyPath => Path.Combine(Scratch, "munge", "munge.key");

    [Fact]
    public async Task Generate_creates_a_private_key_in_a_private_directory_then_changes_nothing()
    {
        var first = await Run("""
            - munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true, size: 512 }
              register: generated
            """ + LocalAnsible.SaveResults("generated"));
        var second = await Run("""
            - munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true }
              register: again
            """ + LocalAnsible.SaveResults("again"));

        var key = File.ReadAllBytes(KeyPath);
        var generated = first.Result("generated");
        Assert.True(generated["changed"]!.GetValue<bool>());
        Assert.True(generated["restart_required"]!.GetValue<bool>());
        Assert.True(generated["generated"]!.GetValue<bool>());
        Assert.Equal(512, key.Length);
        Assert.Equal(MungeKey.Fingerprint(key), generated["fingerprint"]!.GetValue<string>());
        Assert.Equal("-r-------- munge munge", Stat(KeyPath));
        Assert.Equal("drwx------ munge munge", Stat(Path.GetDirectoryName(KeyPath)!));
        var again = second.Result("again");
        Assert.False(again["changed"]!.GetValue<bool>());
        Assert.False(again["restart_required"]!.GetValue<bool>());
        Assert.Equal(MungeKey.Fingerprint(key), again["fingerprint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Key_generated_on_the_controller_and_installed_on_a_node_gives_one_fingerprint()
    {
        // The node already holds the random key its munge package generated at install time.
        var node = Path.Combine(Scratch, "node", "munge.key");
        Directory.CreateDirectory(Path.GetDirectoryName(node)!);
        File.WriteAllBytes(node, Remember(RandomNumberGenerator.GetBytes(128)));

        var run = await Run("""
            - name: generate on the controller, read back for distribution
              munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true, return_content: true }
              register: source
              no_log: true
            - name: install on the node
              munge_key: { path: "{{ scratch }}/node/munge.key", content: "{{ source.content }}", force: true }
              register: installed
              no_log: true
            - name: read both fingerprints
              munge_key: { path: "{{ item }}" }
              loop: ["{{ scratch }}/munge/munge.key", "{{ scratch }}/node/munge.key"]
              register: check
            - ansible.builtin.assert:
                that: check.results | map(attribute='fingerprint') | unique | length == 1
            - ansible.builtin.set_fact:
                installed_summary: "{{ {'restart_required': installed.restart_required, 'fingerprint': installed.fingerprint} }}"
            """ + LocalAnsible.SaveResults("check", "installed_summary"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(File.ReadAllBytes(KeyPath), File.ReadAllBytes(node));
        Assert.Equal("-r-------- munge munge", Stat(node));
        var installed = run.Result("installed_summary");
        Assert.True(installed["restart_required"]!.GetValue<bool>());
        Assert.Equal(MungeKey.Fingerprint(File.ReadAllBytes(node)), installed["fingerprint"]!.GetValue<string>());
    }

    [Fact]
    public async Task Rotation_needs_force_and_its_backup_keeps_the_old_key_as_private_as_the_key()
    {
        var old = await Generated();
        var fresh = Remember(RandomNumberGenerator.GetBytes(256));
        string Rotate(bool force) => $$$"""
            - munge_key:
                path: "{{ scratch }}/munge/munge.key"
                content: {{{Convert.ToBase64String(fresh)}}}
                backup: true
                force: {{{(force ? "true" : "false")}}}
              register: rotated
            """;

        var refused = await Run(Rotate(force: false));
        var rotated = await Run(Rotate(force: true) + LocalAnsible.SaveResults("rotated"));

        Assert.NotEqual(0, refused.ExitCode);
        Assert.Contains("set force: true to replace it", refused.Output);
        Assert.Equal(fresh, File.ReadAllBytes(KeyPath));
        var result = rotated.Result("rotated");
        Assert.True(result["restart_required"]!.GetValue<bool>());
        var backup = result["backup_file"]!.GetValue<string>();
        Assert.Equal(old, File.ReadAllBytes(backup));
        Assert.Equal("-r-------- munge munge", Stat(backup));
    }

    [Fact]
    public async Task Check_mode_reports_changes_and_touches_nothing()
    {
        var create = await Run("""
            - munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true }
              register: would_create
            """ + LocalAnsible.SaveResults("would_create"), check: true);
        Assert.False(Directory.Exists(Path.GetDirectoryName(KeyPath)));
        Assert.True(create.Result("would_create")["changed"]!.GetValue<bool>());
        Assert.True(create.Result("would_create")["generated"]!.GetValue<bool>());

        var old = await Generated();
        var rotate = await Run("""
            - munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true, force: true }
              register: would_rotate
            """ + LocalAnsible.SaveResults("would_rotate"), check: true);
        Assert.True(rotate.Result("would_rotate")["changed"]!.GetValue<bool>());
        Assert.Equal(old, File.ReadAllBytes(KeyPath));
    }

    [Fact]
    public async Task Check_mode_with_a_missing_owner_warns_once_and_touches_nothing()
    {
        var run = await Run("""
            - munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true, owner: no-such-user-hpcws, group: no-such-group-hpcws }
              register: would_create
            """ + LocalAnsible.SaveResults("would_create"), check: true);

        var result = run.Result("would_create");
        Assert.True(result["changed"]!.GetValue<bool>());
        var warning = Assert.Single(result["warnings"]!.AsArray());
        Assert.StartsWith("user 'no-such-user-hpcws' does not exist on this host; check mode assumes", warning!.GetValue<string>());
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(run.Output, "does not exist on this host"));
        Assert.False(Directory.Exists(Path.GetDirectoryName(KeyPath)));
    }

    [Fact]
    public async Task Diff_shows_fingerprints_and_never_the_key()
    {
        var old = await Generated();
        var fresh = Remember(RandomNumberGenerator.GetBytes(64));

        var run = await Run($$$"""
            - munge_key: { path: "{{ scratch }}/munge/munge.key", content: {{{Convert.ToBase64String(fresh)}}}, force: true }
            """, diff: true);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"-munge key sha256:{MungeKey.Fingerprint(old)} ({old.Length} bytes)", run.Output);
        Assert.Contains($"+munge key sha256:{MungeKey.Fingerprint(fresh)} (64 bytes)", run.Output);
    }

    [Theory]
    [InlineData("content: 'not base64!'", "option 'content': is not valid base64")]
    [InlineData("content: AAAAAAAAAAAAAAAAAAAAAA==", "option 'content': the key is 16 bytes; munged needs 32 to 1024 bytes")]
    [InlineData("generate: true\n  size: 2048", "option 'size': 2048 bytes is out of range")]
    [InlineData("generate: true\n  mode: '0640'", "option 'mode': 0640 is not allowed for a munge key")]
    [InlineData("generate: true\n  content: AAAA", "options 'content' and 'generate' exclude each other")]
    [InlineData("generate: true\n  owner: no-such-user-hpcws", "user 'no-such-user-hpcws' does not exist on this host: install the munge package first")]
    [InlineData("return_content: true", "set 'no_log: true' on this task")]
    public async Task Bad_input_fails_naming_the_problem_and_leaves_the_key_untouched(string options, string message)
    {
        var old = await Generated();
        var before = Stat(KeyPath);

        var run = await Run($$$"""
            - munge_key:
                path: "{{ scratch }}/munge/munge.key"
                {{{options.Replace("\n  ", "\n    ")}}}
            """);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Output);
        Assert.Equal(old, File.ReadAllBytes(KeyPath));
        Assert.Equal(before, Stat(KeyPath));
    }

    [Fact]
    public async Task A_symlink_at_the_key_path_is_refused_and_its_target_untouched()
    {
        var target = Path.Combine(Scratch, "elsewhere");
        File.WriteAllText(target, "not a key\n");
        Directory.CreateDirectory(Path.GetDirectoryName(KeyPath)!);
        File.CreateSymbolicLink(KeyPath, target);

        var run = await Run("""- munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true }""");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("refusing to write the secret file", run.Output);
        Assert.Equal("not a key\n", File.ReadAllText(target));
        Assert.Equal("-rw-r--r-- root root", Stat(target));
    }

    [Fact]
    public async Task Return_content_through_the_collection_is_hidden_even_when_the_task_lacks_no_log()
    {
        // no_target_syslog makes Ansible pass _ansible_no_log without the task's no_log, which the
        // module cannot tell apart: the collection's action plugin still marks the result no_log.
        var run = await Run("""
            - hpc.weka_slurm.munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true, return_content: true }
              register: source
            - ansible.builtin.set_fact: { content_length: "{{ source.content | length }}" }
            """ + LocalAnsible.SaveResults("content_length"), environment: new Dictionary<string, string>
        {
            ["ANSIBLE_COLLECTIONS_PATH"] = ModuleBinaries.Collections(),
            ["ANSIBLE_NO_TARGET_SYSLOG"] = "True",
        });

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("the output has been hidden due to the fact that 'no_log: true' was specified for this result", run.Output);
        Assert.Equal("1368", run.Saved("content_length").GetValue<string>());
    }

    private async Task<byte[]> Generated()
    {
        var run = await Run("""- munge_key: { path: "{{ scratch }}/munge/munge.key", generate: true }""");
        Assert.Equal(0, run.ExitCode);
        return File.ReadAllBytes(KeyPath);
    }

    private byte[] Remember(byte[] key)
    {
        _keys.Add(key);
        return key;
    }

    /// <summary>Runs the tasks, then checks all output so far against every key known or on disk.</summary>
    private async Task<PlaybookRun> Run(string tasks, bool check = false, bool diff = false, IReadOnlyDictionary<string, string>? environment = null)
    {
        var run = await _ansible.RunAsync(tasks, check, diff, environment);
        _outputs.Add(run.Output);
        foreach (var file in Directory.EnumerateFiles(Scratch, "*", SearchOption.AllDirectories))
        {
            if (new FileInfo(file).LinkTarget is null && File.ReadAllBytes(file) is { Length: >= MungeKey.MinBytes } bytes)
            {
                _keys.Add(bytes);
            }
        }

        foreach (var form in _keys.SelectMany(MungeKey.TextForms).Distinct())
        {
            Assert.All(_outputs, output => Assert.DoesNotContain(form, output));
        }

        return run;
    }

    private static string Stat(string path)
    {
        using var stat = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("stat", ["-c", "%A %U %G", path])
        {
            RedirectStandardOutput = true,
        })!;
        var text = stat.StandardOutput.ReadToEnd().Trim();
        stat.WaitForExit();
        return text;
    }
}
