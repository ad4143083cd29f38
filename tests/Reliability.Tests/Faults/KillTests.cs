using System.Diagnostics;
using HpcWekaSlurm.Reliability.Tests.Harness;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.Faults;

/// <summary>
/// SIGKILL in the middle of a write. A killed process cannot clean up: what it may leave is its
/// private temp file, never a mixed target. The next run that writes that file removes the
/// leftover (under the directory lock) and says so in a warning.
/// </summary>
public class KillTests
{
    public const int RandomKills = 8;

    /// <summary>Deterministic: the module is killed while it creates its temp file (an <see cref="OpenGate"/> holds the open).</summary>
    [Theory]
    [MemberData(nameof(ModuleTable.Writers), MemberType = typeof(ModuleTable))]
    public void Killed_while_creating_its_temp_file_the_original_stays_and_the_next_run_cleans_up(string name)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module);
        var target = module.ManagedFile(s);
        var original = File.ReadAllBytes(target);
        var spec = Tasks.Spec(module, s, module.Change!(s, 1));
        var killed = false;

        RunResult run;
        using (new OpenGate(Path.GetDirectoryName(target)!, e =>
        {
            if (e.Pid == Environment.ProcessId || !Sandbox.IsTempFile(e.Path))
            {
                return true;
            }

            Process.GetProcessById(e.Pid).Kill();
            killed = true;
            return false;
        }))
        {
            run = ModuleProcess.Run(spec);
        }

        Assert.True(killed, $"the module never created a temp file: {run}");
        Assert.Equal(original, File.ReadAllBytes(target));
        AssertLeftoversArePrivate(module, s);
        Figures.Add("faults.sigkill");

        AssertNextRunCompletesAndCleansUp(module, s, 1, big: false);
    }

    /// <summary>Killed at random moments of a long write; after each kill the file is the old one or the complete new one.</summary>
    [Theory]
    [MemberData(nameof(ModuleTable.Writers), MemberType = typeof(ModuleTable))]
    public void Killed_at_random_moments_the_file_is_always_old_or_complete_new(string name)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module);
        var target = module.ManagedFile(s);
        var specs = new[] { 1, 2 }.ToDictionary(g => g, g => Tasks.Spec(module, s, Tasks.Task(module, big: true)(s, g)));
        var references = new[] { 1, 2 }.ToDictionary(g => g, g => Tasks.Reference(module, true, g));
        var timer = Stopwatch.StartNew();
        _ = Tasks.Reference(module, true, 1, 2);
        var span = Math.Max(20, (int)timer.ElapsedMilliseconds / 2);
        var random = new Random(20261126);

        for (var i = 0; i < RandomKills; i++)
        {
            var generation = 1 + (i % 2);
            var before = Tasks.Normalized(module, s);
            using var process = ModuleProcess.Start(specs[generation] with { Limit = TimeSpan.FromMinutes(1) });
            Thread.Sleep(random.Next(span));
            process.Kill();
            process.WaitForExit();

            var after = Tasks.Normalized(module, s);
            Assert.True(after.SequenceEqual(before) || after.SequenceEqual(references[generation]),
                $"{name}: after a SIGKILL at {i} the file is neither the old one nor the complete new one ({after.Length} bytes)");
            AssertLeftoversArePrivate(module, s);
            Figures.Add("faults.sigkill");
        }

        // A generation no killed run wrote: the next run has something to write (wekafs_mount
        // leaves fstab, and so its leftovers, alone when the line is already right).
        AssertNextRunCompletesAndCleansUp(module, s, 3, big: true);
    }

    private static void AssertLeftoversArePrivate(ModuleDescriptor module, Sandbox s)
    {
        foreach (var temp in s.TempFiles())
        {
            var mode = File.GetUnixFileMode(temp);
            var allowed = module.Secret ? UnixFileMode.UserRead | UnixFileMode.UserWrite : (UnixFileMode)Convert.ToInt32("644", 8);
            Assert.True((mode & ~allowed) == 0, $"{module.Name}: leftover temp file {temp} has mode {Convert.ToString((int)mode, 8)}");
        }
    }

    private static void AssertNextRunCompletesAndCleansUp(ModuleDescriptor module, Sandbox s, int generation, bool big)
    {
        var hadLeftovers = s.TempFiles().Count > 0;
        var run = ModuleProcess.Run(Tasks.Spec(module, s, Tasks.Task(module, big)(s, generation)));
        var result = run.Result;

        Assert.False(result.Failed(), $"{module.Name}: the run after a kill failed: {run}");
        Tasks.AssertNoTempFiles(s, $"{module.Name} after the next run: {run}");
        if (hadLeftovers)
        {
            Assert.Contains(result.Warnings(), w => w.Contains("interrupted earlier run", StringComparison.Ordinal));
        }

        Assert.Equal(Tasks.Reference(module, big, generation), Tasks.Normalized(module, s));
    }
}
