using Provisioning.Contracts;
using Provisioning.ScimService.Realms.Reconciliation;
using StackExchange.Redis;

namespace Provisioning.ScimService.Realms.Settings;

/// <summary>
/// Listens on PolicyService's invalidation channel, drops the named connection's settings and has its roles reconciled.
/// Redis is optional here: while it is away the subscription is retried and entries expire on their own.
/// </summary>
public sealed class SettingsInvalidationListener(
    IConnectionMultiplexer redis, ConnectionSettingsCache cache, SettingsReconciler reconciler, ILogger<SettingsInvalidationListener> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Messages published while the connection was down are lost: forget everything once it is
        // back, and compare every settings version with PolicyService's.
        redis.ConnectionRestored += (_, _) =>
        {
            cache.Clear();
            reconciler.RequestSweep();
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // The multiplexer re-subscribes by itself after a reconnect, so one success is enough.
                await redis.GetSubscriber().SubscribeAsync(RedisChannel.Literal(SettingsKeys.InvalidationChannel), (_, key) => OnInvalidated(key.ToString()));
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning("Cannot subscribe to settings invalidations yet ({Fault}); retrying.", e.GetType().Name);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private void OnInvalidated(string key)
    {
        if (key.StartsWith(SettingsKeys.ConnectionSettingsPrefix, StringComparison.Ordinal) && Guid.TryParse(key.AsSpan(SettingsKeys.ConnectionSettingsPrefix.Length), out var connectionId))
        {
            cache.Invalidate(connectionId);
            // A policy or mapping change may have a newer version to reconcile the roles with.
            reconciler.Enqueue(connectionId);
        }
    }
}
