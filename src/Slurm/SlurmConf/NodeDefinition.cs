using System.Globalization;
using HpcWekaSlurm.Slurm.Config;

namespace HpcWekaSlurm.Slurm.SlurmConf;

/// <summary>
/// A NodeName line as Slurm reads it: its attributes over the NodeName=DEFAULT values set
/// before it, with CPUs and memory worked out the way slurmctld does when they are left out.
/// </summary>
public sealed class NodeDefinition
{
    private readonly Dictionary<string, string> _attributes;

    private NodeDefinition(string name, IReadOnlyList<string> hosts, Dictionary<string, string> attributes)
    {
        Name = name;
        Hosts = hosts;
        _attributes = attributes;
    }

    /// <summary>The NodeName value as written (a host list).</summary>
    public string Name { get; }

    public IReadOnlyList<string> Hosts { get; }

    public string? this[string key] => _attributes.GetValueOrDefault(key);

    /// <summary>CPUs, else Boards x SocketsPerBoard (or Sockets) x CoresPerSocket x ThreadsPerCore, each defaulting to 1.</summary>
    public long? Cpus => Number("CPUs") ?? Product();

    public long ThreadsPerCore => Number("ThreadsPerCore") ?? 1;

    /// <summary>RealMemory in MiB (Slurm's default is 1).</summary>
    public long RealMemory => Number("RealMemory") ?? 1;

    public bool HasRealMemory => this["RealMemory"] is not null;

    /// <summary>Every node line of the document, DEFAULT values applied, in file order.</summary>
    public static IReadOnlyList<NodeDefinition> All(ConfDocument document)
    {
        var defaults = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var nodes = new List<NodeDefinition>();
        foreach (var index in document.LineIndexes("NodeName"))
        {
            var record = document.Records[index];
            var name = ConfText.ToDisplay(record.Name!);
            var target = string.Equals(name, "DEFAULT", StringComparison.OrdinalIgnoreCase)
                ? defaults
                : new Dictionary<string, string>(defaults, StringComparer.OrdinalIgnoreCase);
            foreach (var pair in record.Pairs.Skip(1))
            {
                target[pair.Key] = ConfText.ToDisplay(pair.Value);
            }

            if (!ReferenceEquals(target, defaults))
            {
                IReadOnlyList<string> hosts;
                try
                {
                    hosts = Hostlist.Expand(name);
                }
                catch (FormatException)
                {
                    hosts = [name];
                }

                nodes.Add(new NodeDefinition(name, hosts, target));
            }
        }

        return nodes;
    }

    /// <summary>A whole-number attribute; null when absent; throws <see cref="FormatException"/> when not a number.</summary>
    public long? Number(string key)
    {
        var value = this[key];
        if (value is null)
        {
            return null;
        }

        return long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw new FormatException($"{key}={value} is not a whole number");
    }

    private long? Product()
    {
        var sockets = Number("Boards") is { } boards ? boards * (Number("SocketsPerBoard") ?? 1) : Number("Sockets") ?? Number("SocketsPerBoard") ?? 1;
        return sockets * (Number("CoresPerSocket") ?? 1) * ThreadsPerCore;
    }
}
