using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Redis as the services use it: a cache, an invalidation channel and shared rate-limit buckets,
/// each with a fallback, so Redis is never a reason to hang or to report unhealthy.
/// </summary>
public static class SharedRedis
{
    /// <summary>
    /// The "redis" connection with 1 s bounds on connecting and on every command, and no backlog:
    /// while Redis is away a call fails at once and the caller takes its fallback.
    /// </summary>
    public static void AddFailFastRedisClient(this IHostApplicationBuilder builder) =>
        builder.AddRedisClient("redis",
            settings => settings.DisableHealthChecks = true,
            options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 1000;
                options.SyncTimeout = 1000;
                options.AsyncTimeout = 1000;
                options.BacklogPolicy = BacklogPolicy.FailFast;
            });

    /// <summary>
    /// Subscribes to a channel as soon as Redis answers, retrying until then. Messages published while
    /// the connection is down are lost: <paramref name="onReconnected"/> is where a service makes up for them.
    /// </summary>
    public static void AddRedisChannelSubscriber(this IServiceCollection services, string channel,
        Func<IServiceProvider, Action<string>> onMessage, Func<IServiceProvider, Action>? onReconnected = null) =>
        services.AddHostedService(provider => new RedisChannelSubscriber(
            provider.GetRequiredService<IConnectionMultiplexer>(), channel, onMessage(provider), onReconnected?.Invoke(provider),
            provider.GetRequiredService<ILogger<RedisChannelSubscriber>>()));
}

public sealed class RedisChannelSubscriber(
    IConnectionMultiplexer redis, string channel, Action<string> onMessage, Action? onReconnected, ILogger<RedisChannelSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (onReconnected is not null)
        {
            redis.ConnectionRestored += (_, _) => onReconnected();
        }
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The multiplexer re-subscribes by itself after a reconnect, so one success is enough.
                await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(channel), (_, message) => onMessage(message.ToString()));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Cannot subscribe to {Channel} yet ({Fault}); retrying.", channel, e.GetType().Name);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
