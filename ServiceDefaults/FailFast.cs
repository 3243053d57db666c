using System.Data.Common;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Bounds on how long a request waits for a dependency that is down or frozen, so that a SCIM
/// request answers 503 within three seconds instead of hanging (docs/reliability.md).
/// </summary>
public static class FailFast
{
    /// <summary>
    /// For calls on the path of a SCIM request (the Gateway's credential check, ScimService's
    /// settings read): a hung attempt gives up after 1.5 s, a refused one is retried once at once,
    /// and the whole call never takes more than 2 s, leaving the rest of the request's 3 s to the
    /// rest of it. Replaces the standard handler's 30 s.
    /// </summary>
    public static IHttpClientBuilder WithFailFastResilience(this IHttpClientBuilder client) =>
        client.WithBoundedResilience(TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(100));

    /// <summary>
    /// Replaces the standard handler's 30 s with one quick retry and these bounds. <paramref name="isFault"/>
    /// says which outcomes are retried and counted by the circuit breaker (by default, the transient ones).
    /// </summary>
    public static IHttpClientBuilder WithBoundedResilience(this IHttpClientBuilder client, TimeSpan attemptTimeout, TimeSpan totalTimeout,
        TimeSpan retryDelay, Func<Polly.Outcome<HttpResponseMessage>, bool>? isFault = null)
    {
#pragma warning disable EXTEXP0001 // the supported way to override ConfigureHttpClientDefaults' handler for one client
        client.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
        client.AddStandardResilienceHandler(options =>
        {
            options.Retry.MaxRetryAttempts = 1;
            options.Retry.Delay = retryDelay;
            options.AttemptTimeout.Timeout = attemptTimeout;
            options.TotalRequestTimeout.Timeout = totalTimeout;
            if (isFault is not null)
            {
                options.Retry.ShouldHandle = args => ValueTask.FromResult(isFault(args.Outcome));
                options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(isFault(args.Outcome));
            }
        });
        return client;
    }

    /// <summary>
    /// A PostgreSQL connection string with bounds on waiting: <paramref name="connectSeconds"/> to connect (or
    /// to get a pooled connection), <paramref name="commandSeconds"/> per command, and 0.3 s for a server to
    /// confirm a cancellation before the connection is dropped. Settings already in the string win, so an
    /// operator can still lengthen them.
    /// What a frozen server (up, but answering nothing) costs a command, measured with Npgsql 10: its command
    /// timeout, then one connect timeout more — Npgsql sends the cancel request on a new connection and waits
    /// that long for the server to take it, blocking a thread meanwhile — and one more again when that
    /// connection first negotiates TLS (SSL Mode=Prefer, the default, asks and waits for the answer). Both
    /// timeouts are whole seconds. So on loopback, where TLS protects nothing, TLS is off unless the string
    /// says otherwise; elsewhere say <c>SSL Mode=Require</c> or stricter (docs/reliability.md).
    /// Also the hot paths' settings (docs/benchmarks.md): the statements a service runs most are
    /// prepared once per pooled connection and kept (<c>Max Auto Prepare</c>), and a connection going
    /// back to the pool is not reset (<c>No Reset On Close</c>: the reset would drop those prepared
    /// statements; no code here leaves session state behind, advisory locks are released explicitly).
    /// </summary>
    public static string? BoundedPostgres(string? connectionString, int connectSeconds = 2, int commandSeconds = 2)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var defaults = new List<(string Key, string Value)>
        {
            ("Timeout", Invariant(connectSeconds)), ("Command Timeout", Invariant(commandSeconds)), ("Cancellation Timeout", "300"),
            ("Max Auto Prepare", "64"), ("No Reset On Close", "true"),
        };
        if (IsLoopback(builder))
        {
            defaults.Add(("SSL Mode", "Disable"));
        }
        foreach (var (key, value) in defaults)
        {
            if (!builder.ContainsKey(key) && !builder.ContainsKey(key.Replace(" ", "", StringComparison.Ordinal)))
            {
                builder[key] = value;
            }
        }
        return builder.ConnectionString;
    }

    /// <summary>The per-command bound a bounded connection string carries (for EF Core, which sets each command's timeout itself).</summary>
    public static int CommandTimeoutOf(string? connectionString)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString ?? "" };
        var value = builder.TryGetValue("Command Timeout", out var spaced) ? spaced : builder.TryGetValue("CommandTimeout", out var joined) ? joined : null;
        return int.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var seconds) ? seconds : 2;
    }

    /// <summary>Every host is this machine (a name, an address or a Unix socket folder).</summary>
    private static bool IsLoopback(DbConnectionStringBuilder builder)
    {
        var hosts = (builder.TryGetValue("Host", out var host) ? host : builder.TryGetValue("Server", out var server) ? server : null) as string;
        return !string.IsNullOrEmpty(hosts) && hosts.Split(',').All(entry =>
        {
            var name = entry.Trim();
            // "host:port", "[::1]:port", "::1"
            name = name.StartsWith('[') ? name[1..name.IndexOf(']', StringComparison.Ordinal)] : name.Count(c => c == ':') == 1 ? name[..name.IndexOf(':', StringComparison.Ordinal)] : name;
            return name.StartsWith('/') || name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
                || System.Net.IPAddress.TryParse(name, out var address) && System.Net.IPAddress.IsLoopback(address);
        });
    }

    private static string Invariant(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
