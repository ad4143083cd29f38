using HpcWekaSlurm.Reliability.Tests.Faults;
using HpcWekaSlurm.Reliability.Tests.Harness;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.Concurrency;

/// <summary>
/// Two module processes editing the same file at once. Each succeeds or fails cleanly; the file
/// ends as one of the results a one-at-a-time order gives. A module that holds FileLock from
/// reading to writing serialises the two, so both succeed.
/// </summary>
public class ConcurrencyTests
{
    public const int Rounds = 8;

    [Theory]
    [MemberData(nameof(ModuleTable.Writers), MemberType = typeof(ModuleTable))]
    public void Two_runs_at_once_both_succeed_or_one_fails_cleanly_and_the_file_is_one_valid_result(string name)
    {
        var module = ModuleTable.Get(name);
        var alone = new Dictionary<int, byte[]> { [1] = Tasks.Reference(module, false, 1), [2] = Tasks.Reference(module, false, 2) };
        var both = new[] { Tasks.Reference(module, false, 1, 2), Tasks.Reference(module, false, 2, 1) };

        for (var round = 0; round < Rounds; round++)
        {
            using var s = Tasks.Seeded(module);
            var specs = new[] { 1, 2 }.Select(g => Tasks.Spec(module, s, module.Change!(s, g))).ToList();
            var processes = specs.Select(ModuleProcess.Start).ToList();
            var runs = processes.Select((p, i) => ModuleProcess.Finish(p, specs[i])).ToList();
            processes.ForEach(p => p.Dispose());

            var context = $"{name} round {round}: {string.Join(" | ", runs)}";
            var results = runs.Select(r => r.Result).ToList();
            foreach (var failed in results.Where(r => r.Failed()))
            {
                Assert.True(failed.Msg().Contains("was changed by another process", StringComparison.Ordinal), $"a concurrent run may only fail because the other one wrote first: {context}");
            }

            var succeeded = results.Select((r, i) => (r, g: i + 1)).Where(x => !x.r.Failed()).Select(x => x.g).ToList();
            var final = Tasks.Normalized(module, s);
            if (succeeded.Count == 2)
            {
                Assert.True(both.Any(b => b.SequenceEqual(final)), $"both succeeded, but the file is not what one-then-the-other gives: {context}");
                Figures.Add("concurrency.both_succeeded");
            }
            else
            {
                var winner = Assert.Single(succeeded);
                Assert.True(alone[winner].SequenceEqual(final), $"one failed, but the file is not the other's result: {context}");
                Assert.False(module.LocksWholeTask, $"{name} locks from read to write: no run should have to fail: {context}");
                Figures.Add("concurrency.one_refused");
            }

            Tasks.AssertNoTempFiles(s, context);
            Figures.Add("concurrency.rounds");
        }
    }
}
