using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace FastPath.Tests.Harness;

/// <summary>One task's part of the -vvv output: the remote commands it ran and the results it printed.</summary>
public sealed partial class TaskOutput(string name, string text)
{
    public string Name { get; } = name;

    public string Text { get; } = text;

    /// <summary>Every remote command (EXEC line of the connection plugin; the ssh connection's includes its sftp transfers).</summary>
    public IReadOnlyList<string> Commands { get; } = [.. text.Split('\n').Where(l => Exec().IsMatch(l))];

    /// <summary>Every file transfer (PUT line): the stock path uploads each module this way.</summary>
    public IReadOnlyList<string> Puts { get; } = [.. text.Split('\n').Where(l => Put().IsMatch(l))];

    /// <summary>The fast path's cache upload (the command that checks the sha256 of what it received).</summary>
    public IReadOnlyList<string> Uploads => [.. Commands.Where(c => c.Contains("sha256sum", StringComparison.Ordinal))];

    /// <summary>The fast path's runs of a cached binary (a=$(uname -m) picks the build; the stock path asks a plain uname -m).</summary>
    public IReadOnlyList<string> CachedRuns => [.. Commands.Where(c => c.Contains("a=$(uname -m)", StringComparison.Ordinal))];

    /// <summary>The result objects the default callback printed (one per host, or per loop item).</summary>
    public IReadOnlyList<JsonObject> Results { get; } = ParseResults(text);

    public JsonObject Result => Results.Count == 1 ? Results[0] : throw new InvalidOperationException($"{Results.Count} results in task '{Name}':\n{Text}");

    /// <summary>The [WARNING] texts of this task, re-joined where the display wrapped them.</summary>
    public string Warnings => string.Join(' ', Regex.Matches(Text, @"^\[WARNING\]: (.*(?:\n(?!\[|<|ok:|changed:|fatal:|\s*$).*)*)", RegexOptions.Multiline)
        .Select(m => Regex.Replace(m.Groups[1].Value, @"\s+", " ")));

    private static List<JsonObject> ParseResults(string text)
    {
        var results = new List<JsonObject>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!ResultStart().IsMatch(lines[i]))
            {
                continue;
            }

            var json = new List<string> { "{" };
            while (++i < lines.Length && lines[i] != "}")
            {
                json.Add(lines[i]);
            }

            json.Add("}");
            results.Add((JsonObject)JsonNode.Parse(string.Join('\n', json))!);
        }

        return results;
    }

    [GeneratedRegex(@"^<[^>]+> (SSH: )?EXEC ")]
    private static partial Regex Exec();

    [GeneratedRegex(@"^<[^>]+> PUT ")]
    private static partial Regex Put();

    [GeneratedRegex(@"^(ok|changed|fatal|failed|skipping): \[[^\]]+\](: FAILED!)?( => \(item=.*\))? => \{$")]
    private static partial Regex ResultStart();
}
