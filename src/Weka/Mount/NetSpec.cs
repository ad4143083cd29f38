using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace HpcWekaSlurm.Weka.Mount;

/// <summary>
/// A NIC for the WEKA client, as the <c>net=</c> mount option takes it:
/// <c>dev[/ip[+ip...]/bits[/gateway]]</c>. The device is a name, MAC or PCI address;
/// several addresses (joined with <c>+</c>) go to the virtual functions of one device.
/// </summary>
public sealed record NetSpec(string Device, IReadOnlyList<string> Addresses, int? PrefixBits, string? Gateway)
{
    /// <summary>Parses a spec, or returns null with <paramref name="error"/> saying what is wrong.</summary>
    public static NetSpec? Parse(string text, out string? error)
    {
        error = null;
        if (text.Length == 0)
        {
            error = "the NIC spec is empty (form: dev[/ip/bits[/gateway]])";
            return null;
        }

        if (text.Any(c => char.IsWhiteSpace(c) || c is ',' or '='))
        {
            error = "a NIC spec has no blanks, commas or '=' (form: dev[/ip/bits[/gateway]])";
            return null;
        }

        var parts = text.Split('/');
        if (parts[0].Length == 0)
        {
            error = "the device name is empty (form: dev[/ip/bits[/gateway]])";
            return null;
        }

        if (parts.Length == 1)
        {
            return new NetSpec(parts[0], [], null, null);
        }

        if (parts.Length is not (3 or 4))
        {
            error = "give the device alone, or device/ip/bits, or device/ip/bits/gateway";
            return null;
        }

        var addresses = parts[1].Split('+');
        var families = new HashSet<AddressFamily>();
        foreach (var address in addresses)
        {
            if (ParseAddress(address) is not { } ip)
            {
                error = $"'{address}' is not an IP address";
                return null;
            }

            families.Add(ip.AddressFamily);
        }

        if (families.Count > 1)
        {
            error = "the addresses mix IPv4 and IPv6";
            return null;
        }

        var maxBits = families.Single() == AddressFamily.InterNetwork ? 32 : 128;
        if (!int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits < 1 || bits > maxBits)
        {
            error = $"the prefix length '{parts[2]}' must be a number from 1 to {maxBits}";
            return null;
        }

        string? gateway = null;
        if (parts.Length == 4)
        {
            if (ParseAddress(parts[3]) is not { } gw || gw.AddressFamily != families.Single())
            {
                error = $"the gateway '{parts[3]}' is not an IP address of the same family";
                return null;
            }

            gateway = parts[3];
        }

        return new NetSpec(parts[0], addresses, bits, gateway);
    }

    /// <summary>A strict IP parse: dotted-quad IPv4 (IPAddress alone accepts "1" as 0.0.0.1) or IPv6.</summary>
    public static IPAddress? ParseAddress(string text)
    {
        if (!IPAddress.TryParse(text, out var ip))
        {
            return null;
        }

        return ip.AddressFamily == AddressFamily.InterNetworkV6 || text.Count(c => c == '.') == 3 ? ip : null;
    }

    public override string ToString() =>
        Addresses.Count == 0
            ? Device
            : $"{Device}/{string.Join('+', Addresses)}/{PrefixBits}" + (Gateway is null ? string.Empty : $"/{Gateway}");
}
