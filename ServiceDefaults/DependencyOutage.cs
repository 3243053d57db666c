using System.Data.Common;
using System.Net.Sockets;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Whether a fault means a dependency (PostgreSQL, another service, Redis) is down or too slow,
/// as opposed to a bug: the first is a 503 with Retry-After that the caller retries, the second a 500.
/// </summary>
public static class DependencyOutage
{
    /// <summary>What a 503 for an outage says, in every service and format (a timed-out write may have committed).</summary>
    public const string Detail = "A service this request needs is not reachable right now, so the request may not have been applied. Try again shortly.";

    public static bool IsOutage(Exception? fault) => fault switch
    {
        null => false,
        // A database error is an outage only when transient (shutdown, too many connections, …) or a
        // timeout or broken connection underneath; never a constraint or a bad value (PostgresException).
        DbException database => database.IsTransient || database.InnerException is TimeoutException or IOException or SocketException,
        TimeoutException or HttpRequestException or Polly.ExecutionRejectedException or RedisException => true,
        _ => IsOutage(fault.InnerException),
    };
}
