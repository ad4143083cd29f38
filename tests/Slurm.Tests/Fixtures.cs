namespace HpcWekaSlurm.Slurm.Tests;

/// <summary>Config files written the way real clusters write them (not copied from any cluster).</summary>
public static class Fixtures
{
    /// <summary>
    /// A site slurm.conf: commented-out defaults, mixed-case keys, tabs, trailing spaces, an Include,
    /// a DEFAULT line, several NodeName lines with host ranges, a continued line and inline comments.
    /// </summary>
    public const string SiteSlurmConf =
        "# slurm.conf for cluster hpc01 - managed partly by hand\n" +
        "#\n" +
        "ClusterName=hpc01\n" +
        "SlurmctldHost=head01(10.0.0.1)\n" +
        "SlurmctldHost=head02(10.0.0.2)\n" +
        "#SlurmctldPort=6817\n" +
        "slurmctldport=6817 \n" +
        "SlurmdPort=6818\t# default\n" +
        "AuthType=auth/munge\n" +
        "#MpiDefault=none\n" +
        "ProctrackType=proctrack/cgroup\n" +
        "TaskPlugin=task/affinity,task/cgroup\n" +
        "SelectType=select/cons_tres\n" +
        "selecttypeparameters=CR_Core_Memory   \n" +
        "ReturnToService=1\n" +
        "\n" +
        "include /etc/slurm/accounting.conf\n" +
        "\n" +
        "# COMPUTE NODES\n" +
        "NodeName=DEFAULT Sockets=2 CoresPerSocket=4 ThreadsPerCore=2 RealMemory=64000 State=UNKNOWN\n" +
        "NodeName=cn[001-004]\tCPUs=16 Feature=ib\n" +
        "NodeName=cn[005-008] CPUs=16 \\\n" +
        "    Feature=ib,bigmem RealMemory=128000   # the big ones\n" +
        "NodeName=gpu01,gpu02 CPUs=16 Gres=gpu:a100:4\n" +
        "\n" +
        "PartitionName=DEFAULT MaxTime=INFINITE State=UP\n" +
        "PartitionName=batch Nodes=cn[001-008] Default=YES\n" +
        "PartitionName=gpu Nodes=gpu0[1-2]\n";

    public static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);

    public static byte[] Bytes(string text) => System.Text.Encoding.Latin1.GetBytes(text);

    public static string Text(byte[] bytes) => System.Text.Encoding.Latin1.GetString(bytes);

    /// <summary>Lines that differ between two texts of the same line count (null when the counts differ).</summary>
    public static IReadOnlyList<(string Before, string After)>? ChangedLines(string before, string after)
    {
        var a = before.Split('\n');
        var b = after.Split('\n');
        return a.Length != b.Length ? null : a.Zip(b).Where(p => p.First != p.Second).ToList();
    }
}
