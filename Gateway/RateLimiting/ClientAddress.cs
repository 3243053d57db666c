using System.Net;
using System.Net.Sockets;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>
/// The address a per-address limit counts against: the connection's remote address as ASP.NET
/// gives it (correct behind trusted proxies once forwarded headers are applied). An IPv6 client
/// is counted by its /64, the block one subscriber usually holds, so rotating through it gains nothing.
/// </summary>
public static class ClientAddress
{
    public static string Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes).ToString() + "/64";
    }
}
