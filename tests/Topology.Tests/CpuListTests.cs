namespace HpcWekaSlurm.Topology.Tests;

public class CpuListTests
{
    [Theory]
    [InlineData("0-3,8,10-11", new[] { 0, 1, 2, 3, 8, 10, 11 })]
    [InlineData("5", new[] { 5 })]
    [InlineData("0-1\n", new[] { 0, 1 })]
    [InlineData(" 3 , 1-2 ", new[] { 1, 2, 3 })]
    [InlineData("\n", new int[0])]
    [InlineData("", new int[0])]
    [InlineData("7,7,6-7", new[] { 6, 7 })]
    public void Parse_gives_sorted_distinct_ids(string text, int[] expected) => Assert.Equal(expected, CpuList.Parse(text));

    [Theory]
    [InlineData(new[] { 95, 94 }, "94-95")]
    [InlineData(new[] { 23, 47, 71, 95 }, "23,47,71,95")]
    [InlineData(new[] { 0, 1, 2, 3, 8, 10, 11 }, "0-3,8,10-11")]
    [InlineData(new[] { 4, 4, 5 }, "4-5")]
    [InlineData(new int[0], "")]
    public void Format_compresses_ranges_like_the_kernel_and_slurm(int[] ids, string expected) => Assert.Equal(expected, CpuList.Format(ids));

    [Theory]
    [InlineData("0-3,8,10-11")]
    [InlineData("0,2,4,6")]
    [InlineData("0-95")]
    public void Format_of_parse_is_the_canonical_text(string text) => Assert.Equal(text, CpuList.Format(CpuList.Parse(text)));

    [Theory]
    [InlineData("a", "'a'")]
    [InlineData("3-1", "descending")]
    [InlineData("1-", "''")]
    [InlineData("-1", "'-1'")]
    [InlineData("0x3", "'0x3'")]
    [InlineData("0-4000000000", "'4000000000'")]
    [InlineData("70000", "largest CPU id")]
    public void Parse_rejects_malformed_lists_quoting_the_bad_part(string text, string expected)
    {
        var e = Assert.Throws<FormatException>(() => CpuList.Parse(text));
        Assert.Contains(expected, e.Message);
    }
}
