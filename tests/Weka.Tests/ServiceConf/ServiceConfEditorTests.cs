using HpcWekaSlurm.Weka.ServiceConf;

namespace Weka.Tests.ServiceConf;

public class ServiceConfEditorTests
{
    private static readonly KeyValuePair<string, string?> IsolateFalse = new("isolate_cpusets", "false");

    private static ServiceConfPlan Plan(string text, string? section = null, params KeyValuePair<string, string?>[] settings) =>
        ServiceConfEditor.Plan(text, settings.Length == 0 ? [IsolateFalse] : settings, section);

    [Fact]
    public void Unspaced_key_is_edited_in_place()
    {
        var plan = Plan("[agent]\nisolate_cpusets=true\nport=14000\n");
        Assert.Equal("[agent]\nisolate_cpusets=false\nport=14000\n", plan.After);
        Assert.Equal(new SettingChange("isolate_cpusets", "true", "false", "agent"), Assert.Single(plan.Changes));
    }

    [Fact]
    public void Documented_spaced_form_is_edited_in_place_keeping_its_spacing()
    {
        // The appliance role's regexp missed this form and appended a duplicate.
        Assert.Equal("[agent]\nisolate_cpusets = false\n", Plan("[agent]\nisolate_cpusets = true\n").After);
        Assert.Equal("[agent]\n  isolate_cpusets\t=  false  \n", Plan("[agent]\n  isolate_cpusets\t=  true  \n").After);
    }

    [Fact]
    public void Key_in_a_later_section_is_edited_where_it_is()
    {
        var text = "[agent]\nport=14000\n\n[cgroups]\nisolate_cpusets=true\ncgroups_mode=auto\n";
        Assert.Equal(text.Replace("isolate_cpusets=true", "isolate_cpusets=false"), Plan(text, section: "agent").After);
    }

    [Fact]
    public void File_already_right_is_unchanged_byte_for_byte()
    {
        const string text = "# WEKA agent\r\n[agent]\r\nisolate_cpusets = false\r\n; trailing comment";
        var plan = Plan(text);
        Assert.False(plan.Changed);
        Assert.Equal(text, plan.After);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void Comments_crlf_and_missing_final_newline_survive_an_edit()
    {
        const string text = "# header comment\r\n[agent]\r\n; note\r\nisolate_cpusets=true\r\nport=14000";
        Assert.Equal(text.Replace("=true", "=false"), Plan(text).After);
    }

    [Fact]
    public void Commented_out_key_is_not_mistaken_for_the_key()
    {
        var plan = Plan("[agent]\n#isolate_cpusets=true\nport=1\n");
        Assert.Equal("[agent]\n#isolate_cpusets=true\nport=1\nisolate_cpusets=false\n", plan.After);
    }

    [Fact]
    public void Duplicate_key_edits_the_first_and_warns_never_adding_a_third()
    {
        var plan = Plan("[agent]\nisolate_cpusets=true\n[other]\nisolate_cpusets=true\n");
        Assert.Equal("[agent]\nisolate_cpusets=false\n[other]\nisolate_cpusets=true\n", plan.After);
        Assert.Contains("set 2 times (lines 2, 4)", Assert.Single(plan.Warnings));
    }

    [Fact]
    public void Absent_key_goes_to_the_end_of_the_first_section_before_its_blank_separator()
    {
        var plan = Plan("[agent]\nport=14000\n\n[cgroups]\ncgroups_mode=auto\n");
        Assert.Equal("[agent]\nport=14000\nisolate_cpusets=false\n\n[cgroups]\ncgroups_mode=auto\n", plan.After);
    }

    [Fact]
    public void Absent_key_follows_the_spacing_style_of_the_file()
    {
        Assert.Equal("[agent]\nport = 1\nisolate_cpusets = false\n", Plan("[agent]\nport = 1\n").After);
    }

    [Fact]
    public void Absent_key_goes_to_the_requested_section_created_if_missing()
    {
        Assert.Equal("[agent]\nport=1\n\n[cgroups]\nisolate_cpusets=false\n", Plan("[agent]\nport=1", section: "cgroups").After);
        Assert.Equal("[a]\nx=1\n[cgroups]\nmode=1\nisolate_cpusets=false\n", Plan("[a]\nx=1\n[cgroups]\nmode=1\n", section: "cgroups").After);
    }

    [Fact]
    public void Absent_key_in_a_file_without_sections_goes_to_the_top()
    {
        Assert.Equal("isolate_cpusets=false\nport=1\n", Plan("port=1\n").After);
        Assert.Equal("isolate_cpusets=false\n", Plan(string.Empty).After);
    }

    [Fact]
    public void Null_value_removes_every_line_of_the_key()
    {
        var plan = Plan("[a]\nold=1\nkeep=2\nold=3\n", null, new KeyValuePair<string, string?>("old", null));
        Assert.Equal("[a]\nkeep=2\n", plan.After);
        Assert.Equal(2, plan.Changes.Count);
    }

    [Fact]
    public void Key_matching_ignores_case()
    {
        Assert.Equal("[a]\nIsolate_Cpusets=false\n", Plan("[a]\nIsolate_Cpusets=true\n").After);
    }

    [Theory]
    [InlineData("bad=key")]
    [InlineData("[x]")]
    [InlineData(" spaced")]
    [InlineData("")]
    public void Invalid_key_is_refused(string key)
    {
        Assert.Throws<ArgumentException>(() => Plan("[a]\n", null, new KeyValuePair<string, string?>(key, "1")));
    }

    [Fact]
    public void Value_with_newline_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => Plan("[a]\n", null, new KeyValuePair<string, string?>("k", "1\n[evil]")));
        Assert.Contains("newline", e.Message);
    }

    [Theory]
    [InlineData("[agent]\nisolate_cpusets=true\n")]
    [InlineData("a=1\r\nb = 2\r\n\r\n[s]\r\n  c\t= 3 \r\n# c\n; d")]
    [InlineData("")]
    [InlineData("\n\n")]
    public void Parse_and_render_round_trip_is_identical(string text)
    {
        Assert.Equal(text, IniDocument.Parse(text).Render());
    }
}
