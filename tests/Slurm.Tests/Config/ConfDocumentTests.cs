using System.Text;
using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.Slurm.Tests.Config;

public class ConfDocumentTests
{
    [Theory]
    [InlineData("slurm.conf.simple.gz")]
    [InlineData("slurm.conf.cgroup.gz")]
    [InlineData("cgroup.conf.gz")]
    [InlineData("slurmdbd.conf.simple.gz")]
    public void Debian_example_configs_round_trip_byte_for_byte(string example)
    {
        var bytes = DebianExamples.Read(example);

        var document = ConfDocument.Parse(bytes, ConfDialect.SlurmConf);

        Assert.Equal(bytes, document.ToBytes());
        Assert.DoesNotContain(document.Records, r => r.Kind == ConfRecordKind.Invalid);
    }

    [Fact]
    public void Debian_simple_example_reads_its_settings_and_lines()
    {
        var document = ConfDocument.Parse(DebianExamples.Read("slurm.conf.simple.gz"), ConfDialect.SlurmConf);

        Assert.Equal("workstation", document.SettingValue("slurmctldhost"));
        Assert.Equal("CR_Core_Memory", document.SettingValue("SelectTypeParameters"));
        var node = Assert.Single(document.LineIndexes("NodeName"));
        Assert.Equal("server", document.Records[node].Name);
        Assert.Equal("64000", document.Records[node].ValueOf("RealMemory"));
    }

    [Fact]
    public void Trailing_comment_after_a_value_is_not_part_of_the_value()
    {
        var document = Parse("ConstrainKmemSpace=no        #avoid known Kernel issues\n");

        Assert.Equal("no", document.SettingValue("ConstrainKmemSpace"));
    }

    [Fact]
    public void Escaped_hash_is_part_of_the_value_and_an_unescaped_one_starts_a_comment()
    {
        var document = Parse("A=x\\#y#comment\nB=\"two words\"\n");

        Assert.Equal("x#y", document.SettingValue("A"));
        Assert.Equal("two words", document.SettingValue("B"));
    }

    [Fact]
    public void Backslash_at_line_end_continues_the_record_on_the_next_line()
    {
        var text = "NodeName=n[1-2] CPUs=4 \\\n    RealMemory=1000\nPartitionName=p Nodes=ALL\n";

        var document = Parse(text);

        Assert.Equal(2, document.Records.Count);
        Assert.Equal("1000", document.Records[0].ValueOf("RealMemory"));
        Assert.Equal(text, document.Render());
    }

    [Fact]
    public void Include_lines_are_recognised_case_insensitively()
    {
        var document = Parse("include /etc/slurm/nodes.conf\nINCLUDE\tparts.conf\n");

        Assert.Equal(["/etc/slurm/nodes.conf", "parts.conf"], document.Records.Select(r => r.IncludePath));
    }

    [Fact]
    public void Bytes_that_are_not_UTF8_survive_a_round_trip()
    {
        byte[] bytes = [.. Encoding.ASCII.GetBytes("# caf"), 0xE9, 0xFF, .. Encoding.ASCII.GetBytes("\r\nClusterName=x\r\n")];

        Assert.Equal(bytes, ConfDocument.Parse(bytes, ConfDialect.SlurmConf).ToBytes());
    }

    private static ConfDocument Parse(string text) => ConfDocument.Parse(text, ConfDialect.SlurmConf);
}
