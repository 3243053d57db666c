using Provisioning.Contracts;
using StackExchange.Redis;

namespace Provisioning.Gateway.Caching;

/// <summary>
/// Listens on PolicyService's invalidation channel. Redis is optional for the Gateway: while it
/// is away the subscription is retried, and cached credentials still expire within seconds.
/// </summary>
public sealed class SettingsInvalidationSubscriber(
    IConnectionMultiplexer redis, SettingsInvalidation invalidation, ILogger<SettingsInvalidationSubscriber> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The multiplexer re-subscribes by itself after a reconnect, so one success is enough.
                await redis.GetSubscriber().SubscribeAsync(
                    RedisChannel.Literal(SettingsKeys.InvalidationChannel),
                    (_, key) => invalidation.Invalidate(key.ToString()));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Cannot subscribe to settings invalidations yet ({Fault}); retrying.", e.GetType().Name);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }
}
