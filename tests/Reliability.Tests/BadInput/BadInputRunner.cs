using HpcWekaSlurm.Reliability.Tests.Harness;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.BadInput;

/// <summary>Runs one generated case against the real binary in a fresh sandbox and asserts what it must produce.</summary>
public static class BadInputRunner
{
    public static void Verify(ModuleDescriptor module, BadInputCase c)
    {
        using var s = new Sandbox();
        module.Seed(s);
        s.RefuseCommands(module.Commands);
        var managed = module.Managed(s);
        var before = Sandbox.Hashes(managed);
        var bytes = c.ArgsBytes(module, s);
        var argsFile = s.File(".args.json");
        File.WriteAllBytes(argsFile, bytes);
        var argv = c.Argv ?? (c.ViaStdin ? ["-"] : [argsFile]);

        var run = ModuleProcess.Run(new RunSpec(module.Name, argv, s.Root)
        {
            Stdin = c.ViaStdin ? bytes : null,
            PathPrefix = [s.FakeBin],
        });
        Figures.Add($"bad_input.{c.Kind}");
        Figures.Add($"bad_input.total");
        Figures.Max("bad_input.slowest_run_ms", (int)run.Elapsed.TotalMilliseconds);

        var context = $"{module.Name} {c.Describe()}\n=> {run}";
        var json = run.Result;
        Assert.True(run.Stderr.Length == 0, $"stderr must stay empty (no stack trace): {context}");
        Assert.True(run.ExitCode == (json.Failed() ? 1 : 0), $"exit code must be 1 exactly when failed: {context}");
        var msg = json.Msg();
        if (json.Failed())
        {
            Assert.True(msg.Length > 0, $"a failure must say why: {context}");
            Assert.False(msg.StartsWith("unexpected error", StringComparison.Ordinal), $"a crash, not a clean failure: {context}");
        }

        if (c.Verdict == Verdict.Fails)
        {
            Assert.True(json.Failed(), $"must fail: {context}");
            var names = (c.MustName ?? c.Option!).Split('|');
            Assert.True(names.Any(n => msg.Contains(n, StringComparison.Ordinal)), $"msg must name one of [{string.Join(", ", names)}]: {context}");
        }

        var after = Sandbox.Hashes(managed);
        if (json.Failed() || c.CheckMode || !json.Changed())
        {
            Assert.True(before.SequenceEqual(after), $"a failed, check-mode or unchanged run must leave every managed file as it was: {context}");
        }

        Assert.True(s.TempFiles().Count == 0, $"temp files left behind: {string.Join(", ", s.TempFiles())}: {context}");
    }
}
