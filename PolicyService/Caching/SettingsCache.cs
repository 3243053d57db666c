using System.Collections.Concurrent;
using System.Text.Json;
using Provisioning.Contracts;
using Provisioning.PolicyService.Observability;
using StackExchange.Redis;

namespace Provisioning.PolicyService.Caching;

/// <summary>
/// Read-through cache in Redis for settings whose record is policydb. Every change bumps the key's
/// generation, deletes the key and publishes it on <see cref="SettingsKeys.InvalidationChannel"/> so
/// readers with memory caches drop it too. A fill writes only if the generation it read before going
/// to PostgreSQL is still current, so a read that raced a change cannot put the old answer back.
/// Nothing-found answers stay out of Redis (<see cref="AbsentKeys"/>), so made-up look-ups add no keys.
/// When Redis is away, reads go straight to Postgres and nothing fails.
/// </summary>
public sealed class SettingsCache
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromMinutes(10);

    /// <summary>Outlives any read in flight, so a generation never starts again under a reader's feet.</summary>
    private static readonly TimeSpan GenerationLifetime = TimeSpan.FromHours(1);

    private static readonly LuaScript FillIfCurrent = LuaScript.Prepare(
        "if (redis.call('GET', @generationKey) or '0') == @generation then redis.call('SET', @key, @value, 'PX', @lifetime) return 1 end return 0");

    private static readonly LuaScript Invalidate = LuaScript.Prepare(
        "redis.call('INCR', @generationKey) redis.call('PEXPIRE', @generationKey, @generationLifetime) redis.call('DEL', @key) return 1");

    private readonly IConnectionMultiplexer _redis;
    private readonly AbsentKeys _absent;
    private readonly ILogger<SettingsCache> _logger;

    /// <summary>
    /// Keys changed while Redis was away. Redis may come back with the old value (a durable
    /// Redis keeps it), so these are read from Postgres until their invalidation has gone through.
    /// </summary>
    private readonly ConcurrentDictionary<string, byte> _pending = new();

    public SettingsCache(IConnectionMultiplexer redis, AbsentKeys absent, ILogger<SettingsCache> logger)
    {
        _redis = redis;
        _absent = absent;
        _logger = logger;
        redis.ConnectionRestored += (_, _) => _ = RetryPendingAsync();
    }

    /// <summary>The cached value, else what <paramref name="load"/> reads; null means "none" and is remembered only briefly, in memory.</summary>
    public async Task<T> GetOrLoadAsync<T>(string key, Func<CancellationToken, Task<T>> load, CancellationToken cancellationToken)
    {
        if (_pending.ContainsKey(key))
        {
            PolicyTelemetry.CacheLookup(key, "bypassed");
            return await load(cancellationToken);
        }
        if (_absent.Contains(key))
        {
            PolicyTelemetry.CacheLookup(key, "absent");
            return default!;
        }
        RedisValue generation;
        try
        {
            var found = await _redis.GetDatabase().StringGetAsync([key, GenerationKey(key)]);
            if (found[0].HasValue)
            {
                PolicyTelemetry.CacheLookup(key, "hit");
                return JsonSerializer.Deserialize<T>((string)found[0]!)!;
            }
            generation = found[1].HasValue ? found[1] : "0";
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            _logger.LogWarning("Redis is unavailable ({Fault}); reading settings from PostgreSQL.", e.GetType().Name);
            PolicyTelemetry.CacheLookup(key, "bypassed");
            return await load(cancellationToken);
        }
        PolicyTelemetry.CacheLookup(key, "miss");
        var absentGeneration = _absent.Generation;
        var value = await load(cancellationToken);
        if (IsAbsent(value))
        {
            _absent.Remember(key, absentGeneration);
            return value;
        }
        try
        {
            await _redis.GetDatabase().ScriptEvaluateAsync(FillIfCurrent, new
            {
                key = (RedisKey)key,
                generationKey = (RedisKey)GenerationKey(key),
                generation,
                value = JsonSerializer.Serialize(value),
                lifetime = (long)DefaultLifetime.TotalMilliseconds,
            });
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            _logger.LogWarning("Redis is unavailable ({Fault}); the settings were not cached.", e.GetType().Name);
        }
        return value;
    }

    public async Task InvalidateAsync(string key)
    {
        _absent.Forget(key);
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
            await _redis.GetDatabase().ScriptEvaluateAsync(Invalidate, new
            {
                key = (RedisKey)key,
                generationKey = (RedisKey)GenerationKey(key),
                generationLifetime = (long)GenerationLifetime.TotalMilliseconds,
            });
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

    private static string GenerationKey(string key) => key + ":generation";

    /// <summary>Null says there is no such credential, connection or client: nothing worth a Redis key.</summary>
    private static bool IsAbsent<T>(T value) => value is null;

    private static bool IsRedisFault(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;
}
