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
    /// A PostgreSQL connection string with bounds on waiting: 2 s to connect (or to get a pooled
    /// connection), 2 s per command, and 0.3 s for the server to confirm a cancellation before the
    /// connection is dropped — a frozen server confirms nothing. Settings already in the string win,
    /// so an operator can still lengthen them.
    /// Also the hot paths' settings (docs/benchmarks.md): the statements a service runs most are
    /// prepared once per pooled connection and kept (<c>Max Auto Prepare</c>), and a connection going
    /// back to the pool is not reset (<c>No Reset On Close</c>: the reset would drop those prepared
    /// statements; no code here leaves session state behind, advisory locks are released explicitly).
    /// </summary>
    public const int PostgresCommandTimeoutSeconds = 2;

    public static string? BoundedPostgres(string? connectionString)
    {
        if (string.IsNullOrEmpty(connectionString))
        {
            return connectionString;
        }
        var builder = new DbConnectionStringBuilder { ConnectionString = connectionString };
        foreach (var (key, value) in new[] { ("Timeout", "2"), ("Command Timeout", PostgresCommandTimeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Cancellation Timeout", "300"),
            ("Max Auto Prepare", "64"), ("No Reset On Close", "true") })
        {
            if (!builder.ContainsKey(key) && !builder.ContainsKey(key.Replace(" ", "", StringComparison.Ordinal)))
            {
                builder[key] = value;
            }
        }
        return builder.ConnectionString;
    }
}
