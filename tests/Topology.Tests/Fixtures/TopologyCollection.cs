using HpcWekaSlurm.Topology.Tests.Oracle;

namespace HpcWekaSlurm.Topology.Tests.Fixtures;

/// <summary>
/// One collection for the whole project: the shared trees are written once and disposed by xunit,
/// and the oracle tests start their daemons one case at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TopologyCollection : ICollectionFixture<HostTrees>, ICollectionFixture<MungeFixture>
{
    public const string Name = "topology trees and real slurmd";
}
