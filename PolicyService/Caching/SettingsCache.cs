using System.Collections.Concurrent;
using System.Text.Json;
using Provisioning.Contracts;
using StackExchange.Redis;

namespace Provisioning.PolicyService.Caching;

/// <summary>
/// Read-through cache in Redis for settings whose record is policydb. Every change deletes
/// the key and publishes it on <see cref="SettingsKeys.InvalidationChannel"/> so readers with
/// memory caches drop it too. When Redis is away, reads go straight to Postgres and nothing fails.
/// </summary>
public sealed class SettingsCache
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);
    private readonly IConnectionMultiplexer _redis;
    private readonly ILogger<SettingsCache> _logger;

    /// <summary>
    /// Keys changed while Redis was away. Redis may come back with the old value (a durable
    /// Redis keeps it), so these are read from Postgres until their invalidation has gone through.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _pending = new();

    public SettingsCache(IConnectionMultiplexer redis, ILogger<SettingsCache> logger)
    {
        _redis = redis;
        _logger = logger;
        redis.ConnectionRestored += (_, _) => _ = RetryPendingAsync();
    }

    public async Task<T> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (_pending.ContainsKey(key))
        {
            return await load(cancellationToken);
        }
        try
        {
            var cached = await _redis.GetDatabase().StringGetAsync(key);
            if (cached.HasValue)
            {
                return JsonSerializer.Deserialize<T>((string)cached!)!;
            }
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            _logger.LogWarning("Redis is unavailable ({Fault}); reading settings from PostgreSQL.", e.GetType().Name);
            return await load(cancellationToken);
        }
        var value = await load(cancellationToken);
        try
        {
            await _redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(value), DefaultLifetime);
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            _logger.LogWarning("Redis is unavailable ({Fault}); the settings were not cached.", e.GetType().Name);
        }
        return value;
    }

    public async Task InvalidateAsync(string key)
    {
        if (!await TryInvalidateAsync(key))
        {
            // Readers with memory caches still drop the entry within their few seconds.
            _pending[key] = 0;
            _logger.LogError("Redis is unavailable; a settings invalidation is kept until it can be published.");
        }
    }

    private async Task<bool> TryInvalidateAsync(string key)
    {
        try
        {
            await _redis.GetDatabase().KeyDeleteAsync(key);
            await _redis.GetSubscriber().PublishAsync(RedisChannel.Literal(SettingsKeys.InvalidationChannel), key);
            return true;
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            return false;
        }
    }

    private async Task RetryPendingAsync()
    {
        foreach (var key in _pending.Keys)
        {
            if (await TryInvalidateAsync(key))
            {
                _pending.TryRemove(key, out _);
            }
        }
    }

    private static bool IsRedisFault(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;
}
