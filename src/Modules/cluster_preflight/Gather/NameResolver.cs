using System.Net;
using System.Net.Sockets;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>Resolves the controller names the way slurmd will: getaddrinfo, so /etc/hosts, DNS and NSS all count.</summary>
public static class NameResolver
{
    /// <summary>A resolver that does not answer must not hold the preflight up for its full retry cycle.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public static IReadOnlyDictionary<string, ResolutionFact> Resolve(IReadOnlyList<string> names)
    {
        var lookups = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, Lookup, StringComparer.Ordinal);
        var all = Task.WhenAll(lookups.Values);
        try
        {
            all.Wait(Timeout);
        }
        catch (AggregateException)
        {
            // Each failed lookup is read from its own task below.
        }

        return lookups.ToDictionary(kv => kv.Key, kv => Fact(kv.Value), StringComparer.Ordinal);
    }

    /// <summary>A name .NET refuses outright ("0", an invalid address literal) throws before any task exists.</summary>
    private static Task<IPAddress[]> Lookup(string name)
    {
        try
        {
            return Dns.GetHostAddressesAsync(name);
        }
        catch (ArgumentException)
        {
            return Task.FromException<IPAddress[]>(new ArgumentException("not a valid host name or address"));
        }
    }

    private static ResolutionFact Fact(Task<IPAddress[]> lookup)
    {
        if (!lookup.IsCompleted)
        {
            return new ResolutionFact([], $"no answer within {Timeout.TotalSeconds:0} s");
        }

        if (lookup.Exception?.InnerException is { } e)
        {
            return new ResolutionFact([], e is SocketException s ? $"{s.SocketErrorCode}: {s.Message}" : e.Message);
        }

        var addresses = lookup.Result.Select(a => a.ToString()).Distinct().ToList();
        return addresses.Count > 0 ? new ResolutionFact(addresses, null) : new ResolutionFact([], "no address");
    }
}
