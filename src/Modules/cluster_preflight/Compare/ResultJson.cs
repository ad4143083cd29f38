using System.Text.Json.Nodes;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Compare;

/// <summary>The comparing mode's return values (documented under RETURN in the sidecar).</summary>
public static class ResultJson
{
    public static JsonArray Problems(PreflightReport report) =>
        new([.. report.Failures.Select(p => Problem(p, ignored: false)).Concat(report.Ignored.Select(p => Problem(p, ignored: true)))]);

    public static JsonArray Strings(IEnumerable<string> lines) => new([.. lines.Select(l => (JsonNode?)l)]);

    private static JsonNode Problem(Problem p, bool ignored) => new JsonObject
    {
        ["check"] = p.Check,
        ["summary"] = p.Summary,
        ["hosts"] = Strings(p.Hosts.Select(h => h.Host).Distinct()),
        ["issues"] = new JsonArray([.. p.Hosts.Select(h => (JsonNode?)new JsonObject { ["host"] = h.Host, ["detail"] = h.Detail })]),
        ["fix"] = p.Fix,
        ["ignored"] = ignored,
    };
}
