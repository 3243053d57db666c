using System.Text.Json;
using Provisioning.Contracts;
using StackExchange.Redis;

namespace Provisioning.PolicyService.Caching;

/// <summary>
/// Read-through cache in Redis for settings whose record is policydb. Every change deletes
/// the key and publishes it on <see cref="SettingsKeys.InvalidationChannel"/> so readers with
/// memory caches drop it too. When Redis is away, reads go straight to Postgres and nothing fails.
/// </summary>
public sealed class SettingsCache(IConnectionMultiplexer redis, ILogger<SettingsCache> logger)
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

    public async Task<T> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        try
        {
            var cached = await redis.GetDatabase().StringGetAsync(key);
            if (cached.HasValue)
            {
                return JsonSerializer.Deserialize<T>((string)cached!)!;
            }
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            logger.LogWarning("Redis is unavailable ({Fault}); reading settings from PostgreSQL.", e.GetType().Name);
            return await load(cancellationToken);
        }

        var value = await load(cancellationToken);
        try
        {
            await redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(value), DefaultLifetime);
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            logger.LogWarning("Redis is unavailable ({Fault}); the settings were not cached.", e.GetType().Name);
        }
        return value;
    }

    public async Task InvalidateAsync(string key)
    {
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(key);
            await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(SettingsKeys.InvalidationChannel), key);
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            // The entry will expire on its own; until Redis is back no reader can see a stale copy from it.
            logger.LogError("Redis is unavailable ({Fault}); a settings invalidation could not be published.", e.GetType().Name);
        }
    }

    private static bool IsRedisFault(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;
}
