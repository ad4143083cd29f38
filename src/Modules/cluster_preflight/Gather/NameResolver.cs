using System.Net;
using System.Net.Sockets;
using HpcWekaSlurm.Modules.ClusterPreflight.Facts;

namespace HpcWekaSlurm.Modules.ClusterPreflight.Gather;

/// <summary>Resolves the controller names the way slurmd will: getaddrinfo, so /etc/hosts, DNS and NSS all count.</summary>
public static class NameResolver
{
    /// <summary>A resolver that does not answer must not hold the preflight up for its full retry cycle.</summary>
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// One thread of its own per name, all waited for together: a name that hangs costs the timeout
    /// once, and no thread pool starts (its threads spin for work after each item, which a module that
    /// exits right after cannot use).
    /// </summary>
    public static IReadOnlyDictionary<string, ResolutionFact> Resolve(IReadOnlyList<string> names)
    {
        var lookups = names.Distinct(StringComparer.Ordinal).ToDictionary(n => n, Lookup.Start, StringComparer.Ordinal);
        var deadline = DateTime.UtcNow + Timeout;
        foreach (var lookup in lookups.Values)
        {
            var left = deadline - DateTime.UtcNow;
            lookup.Thread.Join(left > TimeSpan.Zero ? left : TimeSpan.Zero);
        }

        return lookups.ToDictionary(kv => kv.Key, kv => kv.Value.Fact(), StringComparer.Ordinal);
    }

    private sealed class Lookup
    {
        private readonly string _name;
        private volatile ResolutionFact? _fact;

        private Lookup(string name)
        {
            _name = name;
            Thread = new Thread(Run) { IsBackground = true };
        }

        public Thread Thread { get; }

        public static Lookup Start(string name)
        {
            var lookup = new Lookup(name);
            lookup.Thread.Start();
            return lookup;
        }

        public ResolutionFact Fact() => _fact ?? new ResolutionFact([], $"no answer within {Timeout.TotalSeconds:0} s");

        private void Run()
        {
            try
            {
                var addresses = Dns.GetHostAddresses(_name).Select(a => a.ToString()).Distinct().ToList();
                _fact = addresses.Count > 0 ? new ResolutionFact(addresses, null) : new ResolutionFact([], "no address");
            }
            catch (SocketException e)
            {
                _fact = new ResolutionFact([], $"{e.SocketErrorCode}: {e.Message}");
            }
            catch (ArgumentException)
            {
                // .NET refuses some names outright: "0", an unspecified or invalid address literal, one too long.
                _fact = new ResolutionFact([], "not a valid host name or address");
            }
            catch (Exception e)
            {
                // A thread of its own: nothing may escape it (it would end the module without a result).
                _fact = new ResolutionFact([], e.Message);
            }
        }
    }
}
