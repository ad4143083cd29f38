using HpcWekaSlurm.Topology.Tests.Fixtures;

namespace HpcWekaSlurm.Topology.Tests;

/// <summary>Every row of the ground-truth table in platform-facts.md ("Slurm CPU numbering"), measured with real slurmd 22.05.</summary>
[Collection(TopologyCollection.Name)]
public class GroundTruthTests(HostTrees trees)
{
    [Theory]
    [InlineData("A-linear-siblings-far", "CpuSpecList=47,95", "46-47,94-95", "23,47,71,95")]
    [InlineData("A-linear-siblings-far", "CpuSpecList=94,95", "94-95", "47,95")]
    [InlineData("A-linear-siblings-far", "CoreSpecCount=1", "94-95", "47,95")]
    [InlineData("A-linear-siblings-far", "CoreSpecCount=3", "46-47,92-95", "23,46-47,71,94-95")]
    [InlineData("B-numa-interleaved", "CpuSpecList=28-31", "28-31", "56,58,60,62")]
    [InlineData("B-numa-interleaved", "CpuSpecList=56,58,60,62", "56,58,60,62", "49,53,57,61")]
    [InlineData("B-numa-interleaved", "CoreSpecCount=3", "31,62-63", "61-63")]
    [InlineData("C-siblings-adjacent", "CoreSpecCount=2", "4-7", "4-7")]
    public void Spec_reserves_what_real_slurmd_reserved(string host, string spec, string scontrolCpuSpecList, string osCpus)
    {
        var fixture = trees.Of(Hosts.ByName(host));
        var map = fixture.Map;
        var (key, value) = (spec.Split('=')[0], spec.Split('=')[1]);
        var reserved = key == "CpuSpecList" ? map.WidenToCores(CpuList.Parse(value)) : map.CoreSpecCountCpus(int.Parse(value, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(scontrolCpuSpecList, CpuList.Format(reserved));
        Assert.Equal(osCpus, CpuList.Format(map.ToOs(reserved)));
    }

    [Theory]
    [InlineData("A-linear-siblings-far", new[] { 47 }, "94-95")]
    [InlineData("B-numa-interleaved", new[] { 56, 58, 60, 62 }, "28-31")]
    public void Weka_cores_in_os_ids_give_the_cpu_spec_list_that_reserves_exactly_them(string host, int[] wekaCores, string cpuSpecList)
    {
        var fixture = trees.Of(Hosts.ByName(host));
        var facts = fixture.Compute(wekaCores: wekaCores);
        Assert.Equal(cpuSpecList, facts.CpuSpecList);
    }

    [Fact]
    public void The_guides_own_cpu_spec_list_takes_a_second_core_from_jobs()
    {
        // The integration guide writes CpuSpecList=47,95 for WEKA core 47: that is two physical cores.
        var fixture = trees.Of(Hosts.A);
        var reserved = fixture.Map.ToOs(fixture.Map.WidenToCores([47, 95]));
        var wekaCpus = fixture.Compute(wekaCores: [47]).WekaCpus;
        Assert.Equal([47, 95], wekaCpus);
        Assert.Equal([23, 71], reserved.Except(wekaCpus));
    }
}
