using System.Globalization;

namespace HpcWekaSlurm.Topology;

/// <summary>A slurm.conf node definition: ordered keys in Slurm's spelling, with text or integer values.</summary>
public sealed class NodeLine
{
    private readonly List<KeyValuePair<string, object>> _settings = [];

    public IReadOnlyList<KeyValuePair<string, object>> Settings => _settings;

    public NodeLine Add(string key, string value)
    {
        _settings.Add(new(key, value));
        return this;
    }

    public NodeLine Add(string key, long value)
    {
        _settings.Add(new(key, value));
        return this;
    }

    /// <summary>The line as slurm.conf takes it: <c>NodeName=n1 CPUs=96 ...</c>.</summary>
    public override string ToString() =>
        string.Join(' ', _settings.Select(kv => $"{kv.Key}={Convert.ToString(kv.Value, CultureInfo.InvariantCulture)}"));
}
