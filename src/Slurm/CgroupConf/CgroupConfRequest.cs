using HpcWekaSlurm.Slurm.Config;
using HpcWekaSlurm.Slurm.Versions;

namespace HpcWekaSlurm.Slurm.CgroupConf;

/// <summary>The cgroup.conf a task asks for: keys in Slurm's spelling (null removes), the host's hierarchy and Slurm release.</summary>
public sealed record CgroupConfRequest
{
    public IReadOnlyList<KeyValuePair<string, DesiredValue?>> Settings { get; init; } = [];

    public CgroupMode Hierarchy { get; init; } = CgroupMode.Unknown;

    public VersionRules Rules { get; init; } = new(null);
}
