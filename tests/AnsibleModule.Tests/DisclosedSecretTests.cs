using System.Text.Json.Nodes;
using HpcWekaSlurm.AnsibleModule.Results;

namespace AnsibleModule.Tests;

/// <summary>A secret the user asked for (munge_key return_content) is returned once, and only there.</summary>
public class DisclosedSecretTests
{
    private const string Key = "c2VjcmV0LWtleS1ieXRlcw==";

    private static ModuleResult Result(bool failed = false)
    {
        var result = new ModuleResult { Failed = failed, Msg = $"read {Key}" };
        result.Secrets.Add(Key);
        result.Warnings.Add($"warned about {Key}");
        result.Diff.Add(new DiffEntry(Key, "after", "h", "h"));
        result.Extra["echo"] = Key;
        result.Disclosed["content"] = Key;
        return result;
    }

    [Fact]
    public void The_disclosed_key_keeps_the_secret_while_every_other_string_is_scrubbed()
    {
        var json = ResultWriter.ToJson(Result(), new JsonObject { ["content"] = Key }, []);

        Assert.Equal(Key, json["content"]!.GetValue<string>());
        json.Remove("content");
        Assert.DoesNotContain(Key, ResultWriter.Serialize(json));
    }

    [Fact]
    public void A_result_disclosing_a_secret_carries_the_no_log_marker()
    {
        var json = ResultWriter.ToJson(Result(), null, []);

        Assert.True(json[ResultWriter.NoLogMarker]!.GetValue<bool>());
    }

    [Fact]
    public void A_failed_result_discloses_nothing()
    {
        var json = ResultWriter.ToJson(Result(failed: true), null, []);

        Assert.DoesNotContain(Key, ResultWriter.Serialize(json));
        Assert.Null(json[ResultWriter.NoLogMarker]);
    }

    [Fact]
    public void A_result_without_disclosed_keys_has_no_marker()
    {
        Assert.Null(ResultWriter.ToJson(new ModuleResult(), null, [])[ResultWriter.NoLogMarker]);
    }
}
