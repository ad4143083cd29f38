using HpcWekaSlurm.TopologyFixtures;

namespace HpcWekaSlurm.CpuAudit.Tests.Support;

/// <summary>One collection for the project: the hosts' sysfs trees are written once (shared, read-only).</summary>
[CollectionDefinition(Name)]
public sealed class AuditCollection : ICollectionFixture<HostTrees>
{
    public const string Name = "audit hosts";
}
