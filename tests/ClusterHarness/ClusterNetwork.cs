using Docker.DotNet;
using Docker.DotNet.Models;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Networks;
using Microsoft.Extensions.Logging.Abstractions;

namespace HpcWekaSlurm.ClusterHarness;

/// <summary>
/// An internal Docker network (no route off the host: test traffic reaches only our own containers)
/// on a free 10.213.x.0/24. Docker refuses a subnet that overlaps another network's, so a random one
/// is tried until Docker accepts it: that check is atomic even when several test runs start at once.
/// </summary>
internal static class ClusterNetwork
{
    private const int Attempts = 32;

    public static async Task<(INetwork Network, string Subnet)> CreateAsync(
        string name, IReadOnlyDictionary<string, string> labels, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var subnet = $"10.213.{Random.Shared.Next(0, 256)}.0/24";
            var network = new NetworkBuilder()
                .WithName(name)
                .WithLabel(labels)
                .WithLogger(NullLogger.Instance)
                .WithCreateParameterModifier(p =>
                {
                    p.Internal = true;
                    p.IPAM = new IPAM { Config = [new IPAMConfig { Subnet = subnet }] };
                })
                .Build();
            try
            {
                await network.CreateAsync(cancellationToken);
                return (network, subnet);
            }
            catch (DockerApiException e) when (attempt < Attempts && e.Message.Contains("overlaps", StringComparison.OrdinalIgnoreCase))
            {
                // Taken by another network: try another subnet.
            }
        }
    }
}
