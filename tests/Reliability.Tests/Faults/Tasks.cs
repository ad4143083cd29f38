using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using HpcWekaSlurm.Reliability.Tests.Harness;
using HpcWekaSlurm.Reliability.Tests.Modules;

namespace HpcWekaSlurm.Reliability.Tests.Faults;

/// <summary>Running a module's changing task, and what its managed file must hold afterwards.</summary>
public static class Tasks
{
    private static readonly ConcurrentDictionary<string, byte[]> References = new();

    /// <summary>Writes the task's args into the sandbox and returns how to run it.</summary>
    public static RunSpec Spec(ModuleDescriptor module, Sandbox s, JsonObject args, TimeSpan? limit = null)
    {
        var file = s.File($".args-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, args.ToJsonString());
        return new RunSpec(module.Name, [file], s.Root) { PathPrefix = [s.FakeBin], Limit = limit ?? TimeSpan.FromSeconds(30) };
    }

    /// <summary>A fresh sandbox as the host has it: seeded, commands faked.</summary>
    public static Sandbox Seeded(ModuleDescriptor module, int? tmpfsKiB = null)
    {
        var s = new Sandbox(tmpfsKiB);
        module.Seed(s);
        s.RefuseCommands(module.Commands);
        return s;
    }

    /// <summary>The managed file's bytes with the sandbox path replaced, comparable across sandboxes.</summary>
    public static byte[] Normalized(ModuleDescriptor module, Sandbox s) =>
        Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(File.ReadAllBytes(module.ManagedFile(s))).Replace(s.Root, "$SANDBOX", StringComparison.Ordinal));

    /// <summary>The managed file after running these changing tasks in order, one at a time, on a fresh host: the only complete results.</summary>
    public static byte[] Reference(ModuleDescriptor module, bool big, params int[] generations) =>
        References.GetOrAdd($"{module.Name}/{big}/{string.Join(",", generations)}", _ =>
        {
            using var s = Seeded(module);
            foreach (var g in generations)
            {
                var run = ModuleProcess.Run(Spec(module, s, Task(module, big)(s, g)));
                Assert.False(run.Result.Failed(), $"the reference run of {module.Name} generation {g} failed: {run}");
            }

            return Normalized(module, s);
        });

    public static Func<Sandbox, int, JsonObject> Task(ModuleDescriptor module, bool big) => big ? module.BigChange ?? module.Change! : module.Change!;

    public static void AssertNoTempFiles(Sandbox s, string context) =>
        Assert.True(s.TempFiles().Count == 0, $"temp files left: {string.Join(", ", s.TempFiles())}; {context}");
}
