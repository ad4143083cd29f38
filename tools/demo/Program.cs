using System.Diagnostics;
using HpcWekaSlurm.ClusterHarness;
using HpcWekaSlurm.ClusterHarness.Molecule;

namespace HpcWekaSlurm.Demo;

/// <summary>
/// make demo: converges the dedicated-backend scenario on containers and reports what Slurm and WEKA
/// ended up with; the cluster stays up for a look around until make demo-clean.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["clean"])
        {
            await Cluster.RemovePersistentAsync();
            Console.WriteLine("demo cluster removed");
            return 0;
        }

        var clock = Stopwatch.StartNew();
        void Progress(string line) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {line}");

        await Cluster.RemovePersistentAsync();
        var scenario = await MoleculeScenario.LoadAsync("dedicated");
        var runner = new ScenarioRunner(scenario, Progress, keep: true);
        try
        {
            await runner.RunAsync(["create", "prepare", "converge"]);
        }
        catch (Exception e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine("the cluster is left up for inspection; make demo-clean removes it");
            return 1;
        }

        Progress("report");
        Console.WriteLine();
        Console.WriteLine(await Report.RenderAsync(runner.Cluster!));
        Console.WriteLine($"done in {clock.Elapsed.TotalSeconds:0} s; the cluster is still running " +
                          $"(docker ps --filter label=hpc-weka-slurm.cluster={runner.Cluster!.Id}); make demo-clean removes it");
        return 0;
    }
}
