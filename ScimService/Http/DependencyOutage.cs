using Npgsql;
using StackExchange.Redis;

namespace Provisioning.ScimService.Http;

/// <summary>
/// Whether a fault means a dependency (PostgreSQL, PolicyService, Redis) is down or too slow,
/// as opposed to a bug: the first is a 503 with Retry-After that the IdP retries, the second a 500.
/// </summary>
public static class DependencyOutage
{
    public static bool IsOutage(Exception? fault) => fault switch
    {
        null => false,
        // PostgresException is an NpgsqlException too; only its transient states (shutdown, too
        // many connections, …) are outages, never a constraint or a bad value.
        NpgsqlException npgsql => npgsql.IsTransient || npgsql is not PostgresException && npgsql.InnerException is TimeoutException or IOException or System.Net.Sockets.SocketException,
        TimeoutException or HttpRequestException or Polly.ExecutionRejectedException or RedisException => true,
        _ => IsOutage(fault.InnerException),
    };
}
