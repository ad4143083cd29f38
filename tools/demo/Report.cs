using System.Text;
using System.Text.RegularExpressions;
using HpcWekaSlurm.ClusterHarness;

namespace HpcWekaSlurm.Demo;

/// <summary>What the demo shows: Slurm's node states, each compute node's reservation next to WEKA's cores, one job's binding.</summary>
internal static partial class Report
{
    public static async Task<string> RenderAsync(Cluster cluster)
    {
        var login = cluster.Nodes.First(n => n.Groups.Contains("slurm_login"));
        var text = new StringBuilder();

        text.AppendLine($"Slurm nodes (sinfo on {login.Name}, configless):");
        text.AppendLine(Indent((await login.ExecOkAsync("sinfo --Node --long")).Stdout));

        text.AppendLine("Reservation per compute node (Slurm's view next to the WEKA mount's core= cores):");
        text.AppendLine($"  {"node",-12} {"CPUSpecList",-12} {"CoreSpecCount",-14} {"MemSpecLimit",-13} {"wekafs core=",-12}");
        foreach (var node in cluster.Nodes.Where(n => n.Groups.Contains("slurm_compute")))
        {
            var show = (await login.ExecOkAsync($"scontrol show node {node.Name}")).Stdout;
            var fstab = (await node.ExecAsync("grep -E '\\swekafs\\s' /etc/fstab")).Stdout;
            var cores = string.Join(",", CoreOption().Matches(fstab).Select(m => m.Groups[1].Value));
            text.AppendLine($"  {node.Name,-12} {Field(show, "CPUSpecList"),-12} {Field(show, "CoreSpecCount"),-14} {Field(show, "MemSpecLimit"),-13} {cores,-12}");
        }

        var compute = cluster.Nodes.First(n => n.Groups.Contains("slurm_compute"));
        var job = await login.ExecOkAsync($"srun --nodelist={compute.Name} --ntasks=1 grep Cpus_allowed_list /proc/self/status");
        text.AppendLine();
        text.AppendLine($"A job on {compute.Name} (srun grep Cpus_allowed_list /proc/self/status):");
        text.AppendLine(Indent(job.Stdout));
        return text.ToString();
    }

    private static string Field(string scontrol, string name) =>
        Regex.Match(scontrol, $@"\b{name}=(\S+)") is { Success: true } m ? m.Groups[1].Value : "-";

    private static string Indent(string text) =>
        string.Join('\n', text.TrimEnd().Split('\n').Select(l => "  " + l));

    [GeneratedRegex(@"core=(\d+)")]
    private static partial Regex CoreOption();
}
