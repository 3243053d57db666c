using StackExchange.Redis;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>What the shared bucket said: how many tokens were taken (up to the number asked), or, none, how long until one is there.</summary>
public readonly record struct BucketAnswer(int Taken, TimeSpan RetryAfter);

/// <summary>
/// One token bucket per credential in Redis, shared by every Gateway replica, so a credential's
/// limit holds however the load balancer spreads its requests. A Lua script refills and takes in
/// one atomic step, on Redis's clock, so replicas' clocks do not matter. When Redis does not
/// answer within <see cref="Budget"/> the caller falls back to a replica-local bucket.
/// </summary>
public sealed class SharedTokenBuckets(IConnectionMultiplexer redis, ILogger<SharedTokenBuckets> logger)
{
    public const string KeyPrefix = "gateway:rate-limit:";

    /// <summary>How long a request may wait for Redis before the local share decides instead.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromMilliseconds(250);

    // KEYS[1] bucket; ARGV[1] tokens per second; ARGV[2] burst; ARGV[3] tokens wanted. Returns {tokens taken, milliseconds to wait}.
    private const string TakeScript = """
        if redis.replicate_commands then redis.replicate_commands() end
        local rate = tonumber(ARGV[1])
        local burst = tonumber(ARGV[2])
        local wanted = tonumber(ARGV[3])
        local clock = redis.call('TIME')
        local now = tonumber(clock[1]) * 1000 + math.floor(tonumber(clock[2]) / 1000)
        local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
        local tokens = tonumber(bucket[1]) or burst
        local at = tonumber(bucket[2]) or now
        tokens = math.min(burst, tokens + math.max(0, now - at) * rate / 1000)
        local taken = 0
        local wait = 0
        if tokens >= 1 then
          taken = math.min(wanted, math.floor(tokens))
          tokens = tokens - taken
        else
          wait = math.ceil((1 - tokens) * 1000 / rate)
        end
        redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
        redis.call('PEXPIRE', KEYS[1], math.ceil(burst * 1000 / rate) + 1000)
        return {taken, wait}
        """;

    private int _redisAway;

    /// <summary>Takes up to <paramref name="wanted"/> tokens (at least one, or none) from the credential's shared bucket; null when Redis cannot say.</summary>
    public async Task<BucketAnswer?> TryTakeAsync(string bucket, int perSecond, int burst, int wanted, CancellationToken cancellationToken)
    {
        if (!redis.IsConnected)
        {
            NoteRedisAway(null);
            return null;
        }
        try
        {
            var result = (RedisResult[])(await redis.GetDatabase()
                .ScriptEvaluateAsync(TakeScript, [KeyPrefix + bucket], [perSecond, burst, wanted])
                .WaitAsync(Budget, cancellationToken))!;
            if (Interlocked.Exchange(ref _redisAway, 0) == 1)
            {
                logger.LogInformation("Redis answers again: rate limits are shared across Gateway replicas once more.");
            }
            return new BucketAnswer((int)result[0], TimeSpan.FromMilliseconds((long)result[1]));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            NoteRedisAway(exception);
            return null;
        }
    }

    private void NoteRedisAway(Exception? exception)
    {
        if (Interlocked.Exchange(ref _redisAway, 1) == 0)
        {
            logger.LogWarning(exception, "Redis does not answer: each Gateway replica enforces its own share of every credential's rate limit until it does.");
        }
    }
}
