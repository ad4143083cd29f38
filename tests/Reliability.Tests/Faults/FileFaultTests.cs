using System.Text;
using HpcWekaSlurm.Reliability.Tests.Harness;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.Faults;

/// <summary>
/// Faults around the write, for every module that writes: the file is left byte for byte as it
/// was, no temp file remains, and the result names the cause.
/// </summary>
public class FileFaultTests
{
    [Theory]
    [MemberData(nameof(ModuleTable.Writers), MemberType = typeof(ModuleTable))]
    public void Read_only_filesystem_fails_naming_it_and_keeps_the_file(string name)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module, tmpfsKiB: 4096);
        var spec = Tasks.Spec(module, s, module.Change!(s, 1));
        var before = Sandbox.Hashes(module.Managed(s));
        s.MakeReadOnly();

        var run = ModuleProcess.Run(spec);

        AssertCleanFailure(module, s, run, before, "Read-only file system");
        Figures.Add("faults.read_only");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Writers), MemberType = typeof(ModuleTable))]
    public void Full_filesystem_fails_naming_it_and_keeps_the_file(string name)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module, tmpfsKiB: 512);
        var spec = Tasks.Spec(module, s, module.Change!(s, 1));
        var before = Sandbox.Hashes(module.Managed(s));
        s.Fill();

        var run = ModuleProcess.Run(spec);

        AssertCleanFailure(module, s, run, before, "No space left on device");
        Figures.Add("faults.full_filesystem");
    }

    [Theory]
    [MemberData(nameof(ModuleTable.Writers), MemberType = typeof(ModuleTable))]
    public void Permission_denied_for_an_unprivileged_user_fails_and_keeps_the_file(string name)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module);
        var spec = Tasks.Spec(module, s, module.Change!(s, 1)) with
        {
            // root ignores permission bits: the module runs as nobody, without capabilities.
            Wrapper = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--inh-caps=-all", "--bounding-set=-all"],
        };
        var before = Sandbox.Hashes(module.Managed(s));

        var run = ModuleProcess.Run(spec);

        AssertCleanFailure(module, s, run, before, "denied");
        Figures.Add("faults.permission_denied");
    }

    public static IEnumerable<object[]> Races() =>
        from m in ModuleTable.All.Where(m => m.Writes)
        from race in new[] { "edit-at-reread", "edit-at-temp-file", "replace-at-temp-file" }
        select new object[] { m.Name, race };

    /// <summary>
    /// Someone else changes the file after the module read it and before it replaced it. The
    /// moment is exact (an <see cref="OpenGate"/> holds the module's open): its second open of the
    /// file (the re-read before writing), or the creation of its temp file. "edit" appends in
    /// place (same inode), "replace" renames another complete file over it (a new inode).
    /// The other writer's change must survive, and the result must say why nothing was written.
    /// </summary>
    [Theory]
    [MemberData(nameof(Races))]
    public void File_changed_between_read_and_write_is_not_overwritten(string name, string race)
    {
        var module = ModuleTable.Get(name);
        using var s = Tasks.Seeded(module);
        var target = module.ManagedFile(s);
        var directory = Path.GetDirectoryName(target)!;
        var spec = Tasks.Spec(module, s, module.Change!(s, 1));
        var change = Encoding.UTF8.GetBytes($"\n# changed by someone else ({race}) while the task ran\n");
        var targetOpens = 0;
        var acted = false;

        // Everything the other writer needs is opened before the gate is up: an open of a gated
        // file from the test itself would wait for the gate's own thread.
        using var targetHandle = File.OpenHandle(target, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
        var replacement = s.Write(".other/replacement", string.Empty);
        File.WriteAllBytes(replacement, [.. File.ReadAllBytes(target), .. change]);

        RunResult run;
        using (new OpenGate(directory, e =>
        {
            // Only the module opens files in the sandbox while the gate is up; the test's own opens pass.
            if (e.Pid == Environment.ProcessId || acted)
            {
                return true;
            }

            var isTemp = Sandbox.IsTempFile(e.Path);
            var due = race == "edit-at-reread" ? e.Path == target && ++targetOpens == 2 : isTemp;
            if (!due)
            {
                return true;
            }

            if (race.StartsWith("edit", StringComparison.Ordinal))
            {
                RandomAccess.Write(targetHandle, change, RandomAccess.GetLength(targetHandle));
            }
            else
            {
                File.Move(replacement, target, overwrite: true);
            }

            acted = true;
            return true;
        }))
        {
            run = ModuleProcess.Run(spec);
        }

        var context = $"{name} {race}: {run}";
        Assert.True(acted, $"the module never reached the point of the race: {context}");
        Assert.True(File.ReadAllBytes(target).AsSpan().IndexOf(change) >= 0, $"the other writer's change was lost: {context}");
        var result = run.Result;
        if (race == "edit-at-reread" && !result.Failed())
        {
            // The module's second open was still a read before planning (slurmdbd_conf reads the old
            // password first): it planned on the edited file, and the edit survived. Fine.
            Figures.Add("faults.changed_between_read_and_write.merged");
        }
        else
        {
            Assert.True(result.Failed(), $"the module must refuse to write over a file changed since it read it: {context}");
            Assert.Contains("was changed by another process", result.Msg());
            Figures.Add("faults.changed_between_read_and_write.refused");
        }

        Tasks.AssertNoTempFiles(s, context);
        Figures.Add("faults.changed_between_read_and_write");
    }

    internal static void AssertCleanFailure(ModuleDescriptor module, Sandbox s, RunResult run, IReadOnlyDictionary<string, string> before, string cause)
    {
        var context = $"{module.Name}: {run}";
        var result = run.Result;
        Assert.True(result.Failed(), $"must fail: {context}");
        Assert.True(result.Msg().Contains(cause, StringComparison.Ordinal), $"msg must say '{cause}': {context}");
        Assert.False(result.Msg().StartsWith("unexpected error", StringComparison.Ordinal), context);
        Assert.True(before.SequenceEqual(Sandbox.Hashes(module.Managed(s))), $"the file changed: {context}");
        Tasks.AssertNoTempFiles(s, context);
    }
}
