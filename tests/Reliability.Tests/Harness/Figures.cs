using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Reliability.Tests.Harness;

/// <summary>
/// Counts what the tests tried (inputs, faults, races) and what went wrong, for the issue's
/// figures; written to build/test-results/reliability-figures.json when the test run ends.
/// </summary>
public static class Figures
{
    private static readonly ConcurrentDictionary<string, int> Counts = new();

    static Figures() => AppDomain.CurrentDomain.ProcessExit += (_, _) => Write();

    public static void Add(string what, int n = 1) => Counts.AddOrUpdate(what, n, (_, c) => c + n);

    public static void Max(string what, int n) => Counts.AddOrUpdate(what, n, (_, c) => Math.Max(c, n));

    private static void Write()
    {
        var json = new JsonObject();
        foreach (var (key, value) in Counts.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            json[key] = value;
        }

        var directory = Path.Combine(RepoPaths.Root, "build", "test-results");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, "reliability-figures.json"), json.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n");
    }
}
