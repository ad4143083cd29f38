using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule;
using HpcWekaSlurm.AnsibleModule.Arguments;

namespace AnsibleModule.Tests;

public class ArgumentValidatorTests
{
    private static readonly ArgumentSpec Spec = new ArgumentSpec()
        .Add("path", ArgType.Path, required: true, aliases: ["dest"])
        .Add("state", ArgType.Str, @default: "present", choices: ["present", "absent"])
        .Add("count", ArgType.Int)
        .Add("ratio", ArgType.Float)
        .Add("force", ArgType.Bool, @default: false)
        .Add("cores", ArgType.List, elements: ArgType.Int)
        .Add("num_cores", ArgType.Int)
        .Add("settings", ArgType.Dict)
        .Add("password", ArgType.Str, noLog: true)
        .Add("user", ArgType.Str)
        .Add("group", ArgType.Str)
        .Exclusive("cores", "num_cores")
        .Together("user", "group")
        .RequiredWhen("state", "absent", "count");

    private static ModuleParams Validate(string json) => ArgumentValidator.Validate(Spec, (JsonObject)JsonNode.Parse(json)!, "demo");

    private static string Failure(string json) => Assert.Throws<ModuleFailure>(() => Validate(json)).Message;

    [Fact]
    public void Defaults_fill_options_that_were_not_given()
    {
        var p = Validate("""{"path": "/etc/x"}""");
        Assert.Equal("present", p.Str("state"));
        Assert.False(p.Bool("force"));
        Assert.False(p.IsGiven("state"));
        Assert.Null(p.Get("count"));
    }

    [Fact]
    public void Alias_sets_the_option()
    {
        Assert.Equal("/etc/x", Validate("""{"dest": "/etc/x"}""").Str("path"));
    }

    [Fact]
    public void Ansible_internal_keys_are_ignored_even_unknown_ones()
    {
        var p = Validate("""{"path": "/x", "_ansible_check_mode": true, "_ansible_some_future_key": 1}""");
        Assert.Equal("/x", p.Str("path"));
    }

    [Fact]
    public void Unknown_option_is_rejected_listing_the_supported_ones()
    {
        var msg = Failure("""{"path": "/x", "bogus": 1}""");
        Assert.Contains("Unsupported parameters for (demo) module: bogus", msg);
        Assert.Contains("Supported parameters include: cores, count, dest, force", msg);
    }

    [Fact]
    public void Missing_required_option_is_named()
    {
        Assert.Contains("missing required arguments: path", Failure("{}"));
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("On", true)]
    [InlineData("1", true)]
    [InlineData("false", false)]
    [InlineData("n", false)]
    public void Bool_accepts_ansible_truthy_strings(string value, bool expected)
    {
        Assert.Equal(expected, Validate($$"""{"path": "/x", "force": "{{value}}"}""").Bool("force"));
    }

    [Fact]
    public void Wrong_type_names_the_option_and_what_was_expected()
    {
        var msg = Failure("""{"path": "/x", "count": "many", "force": "maybe", "settings": [1]}""");
        Assert.Contains("option 'count': expected an integer, got the string 'many'", msg);
        Assert.Contains("option 'force': expected a bool", msg);
        Assert.Contains("option 'settings': expected a dict, got a list", msg);
    }

    [Fact]
    public void Int_accepts_numeric_strings_and_whole_floats_but_not_fractions()
    {
        Assert.Equal(42, Validate("""{"path": "/x", "count": "42"}""").Int("count"));
        Assert.Equal(3, Validate("""{"path": "/x", "count": 3.0}""").Int("count"));
        Assert.Contains("option 'count'", Failure("""{"path": "/x", "count": 3.5}"""));
    }

    [Fact]
    public void List_accepts_comma_separated_string_and_converts_elements()
    {
        Assert.Equal([1L, 2L, 47L], Validate("""{"path": "/x", "cores": "1, 2,47"}""").IntList("cores"));
        Assert.Contains("option 'cores': element 1: expected an integer", Failure("""{"path": "/x", "cores": [1, "x"]}"""));
        Assert.Contains("option 'cores': element 0: expected int elements, got null", Failure("""{"path": "/x", "cores": [null]}"""));
    }

    [Fact]
    public void Dict_accepts_key_value_string_and_json_string()
    {
        Assert.Equal("1", Validate("""{"path": "/x", "settings": "a=1, b=2"}""").Dict("settings")!["a"]!.GetValue<string>());
        Assert.True(Validate("""{"path": "/x", "settings": "{\"a\": true}"}""").Dict("settings")!["a"]!.GetValue<bool>());
    }

    [Fact]
    public void Choices_are_enforced()
    {
        Assert.Contains("value of state must be one of: present, absent, got: gone", Failure("""{"path": "/x", "state": "gone"}"""));
    }

    [Fact]
    public void Mutually_exclusive_options_are_refused_together()
    {
        Assert.Contains("parameters are mutually exclusive: cores|num_cores", Failure("""{"path": "/x", "cores": [1], "num_cores": 1}"""));
    }

    [Fact]
    public void Required_together_and_required_if_are_enforced()
    {
        Assert.Contains("parameters are required together: user, group", Failure("""{"path": "/x", "user": "a"}"""));
        Assert.Contains("state is absent but all of the following are missing: count", Failure("""{"path": "/x", "state": "absent"}"""));
    }

    [Fact]
    public void Null_value_counts_as_not_given()
    {
        var p = Validate("""{"path": "/x", "state": null}""");
        Assert.Equal("present", p.Str("state"));
    }

    [Fact]
    public void No_log_values_are_collected_as_secrets_even_when_their_type_is_wrong()
    {
        Assert.Equal(["hunter2-secret"], Validate("""{"path": "/x", "password": "hunter2-secret"}""").Secrets);
        var failure = Assert.Throws<ModuleFailure>(() => Validate("""{"password": "hunter2-secret"}"""));
        Assert.Contains("hunter2-secret", failure.Secrets);
    }

    [Fact]
    public void Path_expands_home_and_environment_variables()
    {
        Environment.SetEnvironmentVariable("HPC_TEST_DIR", "/srv/t");
        Assert.Equal("/srv/t/a", Validate("""{"path": "$HPC_TEST_DIR/a"}""").Str("path"));
        Assert.Equal("/srv/t/b", Validate("""{"path": "${HPC_TEST_DIR}/b"}""").Str("path"));
        Assert.Equal("$UNSET_HPC_VAR/c", Validate("""{"path": "$UNSET_HPC_VAR/c"}""").Str("path"));
    }

    [Fact]
    public void Defaults_given_as_csharp_literals_convert_like_ansible_values()
    {
        var spec = new ArgumentSpec().Add("size", ArgType.Int, @default: 1024).Add("ratio", ArgType.Float, @default: 2);
        var p = ArgumentValidator.Validate(spec, [], "demo");
        Assert.Equal((1024L, 2.0), (p.Int("size"), p.Float("ratio")));
    }
}
