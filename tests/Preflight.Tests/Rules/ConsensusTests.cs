using HpcWekaSlurm.Modules.ClusterPreflight.Compare;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

public sealed class ConsensusTests
{
    private static readonly (string, string)[] TwoToOne = [("a", "1"), ("b", "1"), ("c", "2")];

    [Fact]
    public void Agreeing_nodes_give_no_verdict() => Assert.Null(Consensus.Judge([("a", "1"), ("b", "1")], null, "a"));

    [Fact]
    public void Inventory_value_wins_over_every_node()
    {
        var verdict = Consensus.Judge(TwoToOne, ("2", "x_uid"), "a")!;

        Assert.Equal("2", verdict.Expected);
        Assert.Equal("inventory x_uid", verdict.Source);
        Assert.Equal(["a", "b"], verdict.Odd);
    }

    [Fact]
    public void Reference_node_wins_over_the_majority()
    {
        var verdict = Consensus.Judge(TwoToOne, null, "c")!;

        Assert.Equal(["a", "b"], verdict.Odd);
        Assert.Equal("as on c", verdict.Source);
    }

    [Fact]
    public void Majority_wins_without_inventory_or_reference_node()
    {
        var verdict = Consensus.Judge(TwoToOne, null, null)!;

        Assert.Equal(["c"], verdict.Odd);
        Assert.Equal("1 on a, b; 2 on c", verdict.Listing());
    }

    [Fact]
    public void Tie_without_inventory_or_reference_node_lists_every_node()
    {
        var verdict = Consensus.Judge([("a", "1"), ("b", "2")], null, "not-a-node")!;

        Assert.Null(verdict.Expected);
        Assert.Equal(["a", "b"], verdict.Odd);
        Assert.Equal("uid 1 (no value is held by most nodes)", verdict.Against("uid 1"));
    }
}
