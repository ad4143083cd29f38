using HpcWekaSlurm.Slurm.Config;
using static HpcWekaSlurm.Slurm.Tests.Fixtures;

namespace HpcWekaSlurm.Slurm.Tests.Config;

public class ConfEditorTests
{
    [Fact]
    public void Site_file_round_trips_in_LF_and_CRLF()
    {
        foreach (var text in new[] { SiteSlurmConf, Crlf(SiteSlurmConf), SiteSlurmConf.TrimEnd('\n') })
        {
            Assert.Equal(text, ConfDocument.Parse(text, ConfDialect.SlurmConf).Render());
        }
    }

    [Theory]
    [InlineData("slurm.conf.simple.gz", "SlurmctldHost", "controller01")]
    [InlineData("slurm.conf.cgroup.gz", "SelectTypeParameters", "CR_CPU_Memory")]
    [InlineData("cgroup.conf.gz", "ConstrainCores", "no")]
    [InlineData("slurmdbd.conf.simple.gz", "DbdHost", "db01")]
    public void Changing_one_key_of_a_Debian_example_changes_exactly_one_line(string example, string key, string value)
    {
        var before = Text(DebianExamples.Read(example));
        var document = ConfDocument.Parse(before, ConfDialect.SlurmConf);

        var change = ConfEditor.SetSetting(document, key, DesiredValue.Of(value));

        var changed = ChangedLines(before, document.Render());
        Assert.NotNull(change);
        var line = Assert.Single(changed!);
        Assert.Equal($"{key}={value}", line.After);
    }

    [Fact]
    public void A_key_is_matched_case_insensitively_and_keeps_its_spelling_spacing_and_comment()
    {
        var document = ConfDocument.Parse(SiteSlurmConf, ConfDialect.SlurmConf);

        ConfEditor.SetSetting(document, "SelectTypeParameters", DesiredValue.Of("CR_CPU_Memory"));
        ConfEditor.SetSetting(document, "SlurmdPort", DesiredValue.Of("26818"));

        var changed = ChangedLines(SiteSlurmConf, document.Render())!;
        Assert.Equal(
            [("SlurmdPort=6818\t# default", "SlurmdPort=26818\t# default"), ("selecttypeparameters=CR_Core_Memory   ", "selecttypeparameters=CR_CPU_Memory   ")],
            changed);
    }

    [Fact]
    public void A_value_with_a_trailing_comment_is_replaced_without_touching_the_comment()
    {
        var text = "ConstrainKmemSpace=no        #avoid known Kernel issues\n";
        var document = ConfDocument.Parse(text, ConfDialect.KeyValue);

        ConfEditor.SetSetting(document, "constrainkmemspace", DesiredValue.Of(true));

        Assert.Equal("ConstrainKmemSpace=yes        #avoid known Kernel issues\n", document.Render());
    }

    [Fact]
    public void A_null_value_removes_only_that_key_and_leaves_its_commented_default()
    {
        var document = ConfDocument.Parse(SiteSlurmConf, ConfDialect.SlurmConf);

        var change = ConfEditor.SetSetting(document, "SlurmctldPort", null);

        Assert.Equal(new ConfChange("setting", null, "SlurmctldPort", "6817", null), change);
        Assert.Equal(SiteSlurmConf.Replace("slurmctldport=6817 \n", string.Empty, StringComparison.Ordinal), document.Render());
    }

    [Fact]
    public void A_value_that_already_matches_changes_nothing_and_a_bool_matches_YES()
    {
        var text = "ClusterName=hpc01\nConstrainCores=YES\n";
        var document = ConfDocument.Parse(text, ConfDialect.KeyValue);

        Assert.Null(ConfEditor.SetSetting(document, "clustername", DesiredValue.Of("hpc01")));
        Assert.Null(ConfEditor.SetSetting(document, "ConstrainCores", DesiredValue.Of(true)));
        Assert.NotNull(ConfEditor.SetSetting(document, "ConstrainCores", DesiredValue.Of("yes")));
        Assert.Equal("ClusterName=hpc01\nConstrainCores=yes\n", document.Render());
    }

    [Fact]
    public void A_new_key_goes_after_the_last_setting_before_the_node_lines_in_the_files_line_ending()
    {
        var text = Crlf(SiteSlurmConf);
        var document = ConfDocument.Parse(text, ConfDialect.SlurmConf);

        ConfEditor.SetSetting(document, "SlurmctldParameters", DesiredValue.Of("enable_configless"));

        Assert.Equal(text.Replace("include /etc/slurm/accounting.conf\r\n", "include /etc/slurm/accounting.conf\r\nSlurmctldParameters=enable_configless\r\n", StringComparison.Ordinal), document.Render());
    }

    [Fact]
    public void A_key_added_to_a_file_without_final_newline_terminates_the_last_line_first()
    {
        var document = ConfDocument.Parse("ConstrainCores=yes", ConfDialect.KeyValue);

        ConfEditor.SetSetting(document, "ConstrainRAMSpace", DesiredValue.Of(true));

        Assert.Equal("ConstrainCores=yes\nConstrainRAMSpace=yes\n", document.Render());
    }

    [Fact]
    public void Values_with_blanks_and_hashes_are_written_so_Slurm_reads_them_back()
    {
        var document = ConfDocument.Parse(string.Empty, ConfDialect.SlurmConf);

        ConfEditor.SetSetting(document, "Prolog", DesiredValue.Of("/etc/slurm/prolog run#1"));

        Assert.Equal("Prolog=\"/etc/slurm/prolog run\\#1\"\n", document.Render());
        Assert.Equal("/etc/slurm/prolog run#1", ConfDocument.Parse(document.Render(), ConfDialect.SlurmConf).SettingValue("Prolog"));
    }

    [Fact]
    public void A_value_Slurm_cannot_hold_is_refused()
    {
        var document = ConfDocument.Parse(string.Empty, ConfDialect.SlurmConf);

        Assert.Contains("line break", Assert.Throws<ArgumentException>(() => ConfEditor.SetSetting(document, "ClusterName", DesiredValue.Of("a\nSelectType=x"))).Message);
        Assert.Contains("double quote", Assert.Throws<ArgumentException>(() => ConfEditor.SetSetting(document, "ClusterName", DesiredValue.Of("a\" b"))).Message);
        Assert.Contains("not a Slurm key", Assert.Throws<ArgumentException>(() => ConfEditor.SetSetting(document, "Bad Key", DesiredValue.Of("x"))).Message);
    }

    [Fact]
    public void A_repeatable_key_takes_one_line_per_value_edited_pairwise_in_place()
    {
        var document = ConfDocument.Parse(SiteSlurmConf, ConfDialect.SlurmConf);

        ConfEditor.SetSetting(document, "SlurmctldHost", new DesiredValue(["head01(10.0.0.1)", "head03(10.0.0.3)"]));

        Assert.Equal(SiteSlurmConf.Replace("head02(10.0.0.2)", "head03(10.0.0.3)", StringComparison.Ordinal), document.Render());
    }

    [Fact]
    public void Removing_the_last_attribute_of_a_continued_line_does_not_swallow_the_next_line()
    {
        var text = "NodeName=n1 CPUs=2 \\\n    RealMemory=1000\nPartitionName=p Nodes=n1\n";
        var document = ConfDocument.Parse(text, ConfDialect.SlurmConf);

        document.Replace(0, ConfEditor.ApplyAttributes(document.Records[0], [new("RealMemory", null)], (_, _, _) => { }));

        var reread = ConfDocument.Parse(document.Render(), ConfDialect.SlurmConf);
        Assert.Equal("NodeName=n1 CPUs=2\nPartitionName=p Nodes=n1\n", document.Render());
        Assert.Equal(2, reread.Records.Count);
    }
}
