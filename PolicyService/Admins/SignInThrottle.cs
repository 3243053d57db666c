using System.Security.Cryptography;
using System.Text;
using StackExchange.Redis;

namespace Provisioning.PolicyService.Admins;

/// <summary>
/// At most <see cref="MaxChecks"/> password checks per email within <see cref="Window"/>, shared by
/// every PolicyService replica through Redis. A check is reserved atomically before the password is
/// verified, so parallel attempts cannot slip past the count; a successful sign-in clears the email's
/// record. Unknown emails count like known ones. When Redis cannot be reached each replica counts on
/// its own (<see cref="LocalSignInChecks"/>), so the bound becomes <see cref="MaxChecks"/> per replica.
/// </summary>
public sealed class SignInThrottle(IConnectionMultiplexer redis, LocalSignInChecks local, TimeProvider clock, ILogger<SignInThrottle> logger)
{
    public const int MaxChecks = 5;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // A sliding window of reserved checks in a sorted set scored by time; the key lives as long as the window.
    private static readonly LuaScript Reserve = LuaScript.Prepare("""
        redis.call('ZREMRANGEBYSCORE', @key, '-inf', @now - @window)
        if redis.call('ZCARD', @key) >= tonumber(@max) then return 0 end
        redis.call('ZADD', @key, @now, @attempt)
        redis.call('PEXPIRE', @key, @window)
        return 1
        """);

    /// <summary>True when the caller may verify a password for <paramref name="email"/> now.</summary>
    public async Task<bool> TryReserveCheckAsync(string email)
    {
        try
        {
            var reserved = await redis.GetDatabase().ScriptEvaluateAsync(Reserve, new
            {
                key = Key(email),
                now = clock.GetUtcNow().ToUnixTimeMilliseconds(),
                window = (long)Window.TotalMilliseconds,
                max = MaxChecks,
                attempt = Guid.NewGuid().ToString("N"),
            });
            return (int)reserved == 1;
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            logger.LogWarning("Redis is unavailable ({Fault}); this replica throttles sign-ins on its own.", e.GetType().Name);
            return local.TryReserve(email);
        }
    }

    /// <summary>The right password was given: the email's earlier checks no longer count.</summary>
    public async Task ClearAsync(string email)
    {
        local.Clear(email);
        try
        {
            await redis.GetDatabase().KeyDeleteAsync(Key(email));
        }
        catch (Exception e) when (IsRedisFault(e))
        {
            logger.LogWarning("Redis is unavailable ({Fault}); the sign-in record expires on its own.", e.GetType().Name);
        }
    }

    /// <summary>Emails are personal data: Redis sees only their hash.</summary>
    private static RedisKey Key(string email) =>
        "admin-sign-in:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email)));

    private static bool IsRedisFault(Exception e) => e is RedisException or TimeoutException or ObjectDisposedException;
}
