using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using HpcWekaSlurm.Reliability.Tests.Harness;

namespace HpcWekaSlurm.Reliability.Tests.Secrets;

/// <summary>
/// The munge key and slurmdbd's StoragePass through every code path of their modules: success,
/// check, diff, verbosity 4, each failure, a planted symlink. The secret never reaches stdout,
/// stderr (diff, invocation, warnings, msg are all in stdout) or any file but its target and the
/// target's backups; backups keep the owner and a private mode.
/// </summary>
public class SecretTests
{
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Theory]
    [MemberData(nameof(SecretModules.Cases), MemberType = typeof(SecretModules))]
    public void The_secret_never_leaks(string module, string caseName)
    {
        var m = SecretModules.Get(module);
        var c = m.Cases.Single(x => x.Name == caseName);
        using var s = new Sandbox(c.OnTmpfs ? 8192 : null);
        m.Seed(s);
        s.RefuseCommands(["slurmd"]);
        // Ansible's args file holds the secret by nature: it lives outside the directory scanned for leaks.
        var args = Path.Combine(Path.GetTempPath(), $"hpcws-rel-args-{Guid.NewGuid():N}.json");
        File.WriteAllText(args, c.Args(s).ToJsonString());
        c.Prepare?.Invoke(s);
        RunResult run;
        try
        {
            run = ModuleProcess.Run(new RunSpec(module, [args], s.Root) { PathPrefix = [s.FakeBin], Limit = TimeSpan.FromSeconds(10) });
        }
        finally
        {
            File.Delete(args);
        }

        var context = $"{module} {caseName}: {run}";
        var result = run.Result;
        Assert.True(result.Failed() == c.Fails, $"expected {(c.Fails ? "a failure" : "success")}: {context}");
        Assert.False(result.Msg().StartsWith("unexpected error", StringComparison.Ordinal), context);
        if (c.MustSay is { } say)
        {
            Assert.True(result.Msg().Contains(say, StringComparison.Ordinal), $"msg must say '{say}': {context}");
        }

        if (c.Disclosed.Count > 0)
        {
            // The detector's own check: the deliberately disclosed key is found in the raw output.
            Assert.True(m.Secrets.Any(secret => run.StdoutText.Contains(secret, StringComparison.Ordinal)), $"the disclosed secret is not found in any expected form: {context}");
        }

        var output = Undisclosed(run, result, c);
        foreach (var secret in m.Secrets)
        {
            Assert.False(output.Contains(secret, StringComparison.Ordinal), $"the secret {Hint(secret)} is in the result: {context}");
            Assert.False(run.Stderr.Contains(secret, StringComparison.Ordinal), $"the secret {Hint(secret)} is on stderr: {context}");
        }

        AssertOnlyTheTargetAndItsBackupsHoldIt(m, s, context);
        AssertBackupsArePrivate(m, s, context);
        Assert.True(s.TempFiles().Count == 0, $"temp files left: {context}");
        Figures.Add("secrets.paths");
    }

    /// <summary>The result as text, without the keys the case allows to disclose (return_content under no_log).</summary>
    private static string Undisclosed(RunResult run, JsonObject result, SecretCase c)
    {
        if (c.Disclosed.Count == 0)
        {
            return run.StdoutText + "\n" + string.Join("\n", Strings(result));
        }

        var copy = (JsonObject)result.DeepClone();
        foreach (var key in c.Disclosed)
        {
            Assert.True(copy.Remove(key), $"the case expects '{key}' in the result: {run}");
        }

        return copy.ToJsonString(Relaxed) + "\n" + string.Join("\n", Strings(copy));
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(kv => Strings(kv.Value).Prepend(kv.Key)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.GetValueKind() == JsonValueKind.String => [v.GetValue<string>()],
        _ => [],
    };

    private static void AssertOnlyTheTargetAndItsBackupsHoldIt(SecretModule m, Sandbox s, string context)
    {
        var target = m.Target(s);
        var files = Directory.EnumerateFiles(s.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => f != target && !IsBackupOf(f, target));
        foreach (var file in files)
        {
            var bytes = File.ReadAllBytes(file);
            var text = Encoding.Latin1.GetString(bytes);
            Assert.DoesNotContain(m.Secrets, secret => text.Contains(secret, StringComparison.Ordinal));
            Assert.True(m.RawSecrets.All(raw => bytes.AsSpan().IndexOf(raw) < 0), $"{file} holds the secret: {context}");
        }
    }

    private static void AssertBackupsArePrivate(SecretModule m, Sandbox s, string context)
    {
        var target = m.Target(s);
        var directory = Path.GetDirectoryName(target)!;
        foreach (var backup in Directory.EnumerateFiles(directory).Where(f => IsBackupOf(f, target)))
        {
            var info = new FileInfo(backup);
            Assert.True(info.LinkTarget is null, $"{backup} is a symlink: {context}");
            var mode = info.UnixFileMode;
            Assert.True(((int)mode & Convert.ToInt32("077", 8)) == 0, $"{backup} has mode {Convert.ToString((int)mode, 8)}: {context}");
            var owner = Sandbox.Sh($"stat -c %U '{backup}'").Trim();
            Assert.True(owner == m.Owner, $"{backup} is owned by {owner}, not {m.Owner}: {context}");
            Figures.Add("secrets.backups_checked");
        }
    }

    private static bool IsBackupOf(string file, string target) =>
        file.StartsWith(target + ".", StringComparison.Ordinal) && file.EndsWith('~');

    private static string Hint(string secret) => secret.Length <= 8 ? "(short)" : $"{secret[..4]}...({secret.Length} chars)";
}
