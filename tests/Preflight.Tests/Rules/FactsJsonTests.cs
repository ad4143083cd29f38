using System.Text.Json.Nodes;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Preflight.Tests.Rules;

/// <summary>The comparison reads back exactly what gathering wrote (Ansible carries it through hostvars).</summary>
public sealed class FactsJsonTests
{
    [Fact]
    public void Facts_written_then_read_are_the_same_facts()
    {
        var facts = Nodes.Facts("compute-0") with { Accounts = new Dictionary<string, AccountFact?> { ["slurm"] = new(450, 450, null), ["munge"] = null } };

        var json = JsonNode.Parse(FactsJson.Write(facts).ToJsonString());
        var read = FactsJson.Read(json, "facts");

        Assert.Equal(FactsJson.Write(facts).ToJsonString(), FactsJson.Write(read).ToJsonString());
        Assert.Null(read.Accounts["munge"]);
        Assert.Equal(0.2, read.Clock.OffsetSeconds!.Value, 6);
    }

    [Fact]
    public void Numbers_given_as_strings_are_read_as_numbers()
    {
        var json = Written(Nodes.Facts("compute-0"));
        json["memory"]!["real_memory"] = "24105";

        Assert.Equal(24105, FactsJson.Read(json, "facts").Memory.RealMemory);
    }

    [Fact]
    public void Wrong_type_is_reported_with_its_full_path()
    {
        var json = Written(Nodes.Facts("compute-0"));
        json["accounts"]!["slurm"]!["uid"] = "many";

        var error = Assert.Throws<FormatException>(() => FactsJson.Read(json, "hosts.compute-0.facts"));
        Assert.StartsWith("hosts.compute-0.facts.accounts.slurm.uid:", error.Message);
    }

    [Fact]
    public void Missing_section_is_reported_with_its_full_path()
    {
        var json = Written(Nodes.Facts("compute-0"));
        json.Remove("clock");

        var error = Assert.Throws<FormatException>(() => FactsJson.Read(json, "facts"));
        Assert.Equal("facts.clock: expected a dict, got nothing", error.Message);
    }

    /// <summary>The facts as the comparison receives them: JSON text Ansible passed on.</summary>
    private static JsonObject Written(HostFacts facts) => JsonNode.Parse(FactsJson.Write(facts).ToJsonString())!.AsObject();
}
