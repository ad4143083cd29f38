namespace HpcWekaSlurm.ClusterHarness;

/// <summary>Docker labels on everything a cluster creates: to find it again and to reap it when its test process died.</summary>
internal static class ClusterLabels
{
    public const string Cluster = "hpc-weka-slurm.cluster";

    /// <summary>"&lt;pid namespace&gt;/&lt;pid&gt;" of the test process that owns the resource.</summary>
    public const string Owner = "hpc-weka-slurm.owner";

    public static string PidNamespace { get; } = new FileInfo("/proc/self/ns/pid").LinkTarget ?? "unknown";

    public static string ThisProcess { get; } = $"{PidNamespace}/{Environment.ProcessId}";

    /// <summary>Owner of clusters that outlive their process (make demo); never taken for a leftover.</summary>
    public const string PersistentOwner = "persistent";

    public static IReadOnlyDictionary<string, string> For(string clusterId, bool persistent = false) =>
        new Dictionary<string, string> { [Cluster] = clusterId, [Owner] = persistent ? PersistentOwner : ThisProcess };

    /// <summary>True when the owner label names a process of our PID namespace that no longer runs.</summary>
    public static bool OwnerIsGone(string owner)
    {
        var slash = owner.LastIndexOf('/');
        return slash > 0
            && owner[..slash] == PidNamespace
            && int.TryParse(owner[(slash + 1)..], out var pid)
            && !Directory.Exists($"/proc/{pid}");
    }
}
