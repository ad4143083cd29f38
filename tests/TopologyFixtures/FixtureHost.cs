using HpcWekaSlurm.Topology;

namespace HpcWekaSlurm.TopologyFixtures;

/// <summary>A described host written out as a sysfs tree in a temp directory, and what the library reads back from it.</summary>
public sealed class FixtureHost : IDisposable
{
    private readonly TempDir _dir = new();

    public FixtureHost(HostDescription description)
    {
        Description = description;
        Root = SysfsFixture.Write(description, _dir.Sub("root"));
        Reader = new SysfsReader(Root);
        Topology = Reader.Read();
        Map = SlurmCpuMap.From(Topology);
    }

    public HostDescription Description { get; }
    public string Root { get; }
    public SysfsReader Reader { get; }
    public HostTopology Topology { get; }
    public SlurmCpuMap Map { get; }

    /// <summary>A scratch path next to the tree.</summary>
    public string Scratch(string name) => _dir.Sub(name);

    public NodeFacts Compute(NodeRequest request) => NodeFactsCalculator.Compute(Topology, request);

    public NodeFacts Compute(int? wekaCoreCount = null, int[]? wekaCores = null, string? nic = null, SpecStyle style = SpecStyle.CpuSpecList) =>
        Compute(new NodeRequest
        {
            NodeName = "n1",
            WekaCoreCount = wekaCoreCount,
            WekaCores = wekaCores,
            WekaNic = nic is null ? null : new NicLocation(nic, Reader.NicNumaNode(nic)),
            SpecStyle = style,
        });

    public void Dispose() => _dir.Dispose();
}
