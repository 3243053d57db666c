using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging.Abstractions;
using Provisioning.Gateway.RateLimiting;
using Provisioning.Tests.Integration.Infrastructure;
using StackExchange.Redis;

namespace Provisioning.Tests.Integration.Gateway;

/// <summary>
/// A credential's limiter on the system's Redis, as a Gateway replica holds it: leased tokens spent without
/// Redis, the next lease asked for when half of one is spent. Each test has a bucket of its own.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class SharedTokenBucketLimiterTests(ProvisioningApp app)
{
    // 100 requests a second and a burst of 200: leases of 10 (a tenth of a second of the rate).
    private const int PerSecond = 100;
    private const int Burst = 200;

    [Fact]
    public async Task TheNextLeaseIsAskedForWhenHalfOfOneIsSpentSoTheRequestsAfterItFindTokensWithoutWaiting()
    {
        await using var redis = await app.ConnectRedisAsync();
        var bucket = $"test-{Guid.NewGuid():N}";
        using var limiter = Limiter(redis, bucket);
        Assert.Equal(10, limiter.LeaseSize);

        Assert.False(limiter.AttemptAcquire().IsAcquired);
        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        Assert.Equal(9, limiter.GetStatistics()!.CurrentAvailablePermits);
        for (var spent = 0; spent < 4; spent++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
        }
        await WaitUntilAsync(() => limiter.GetStatistics()!.CurrentAvailablePermits == 15, "The limiter did not lease ten more tokens ahead.");

        // The five tokens left and the ten of the lease asked for ahead, none of them waiting on Redis.
        for (var spent = 0; spent < 15; spent++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired, $"token {spent} of 15 was not there");
        }
    }

    [Fact]
    public async Task ALeaseRefusedAheadLeavesTheTokensStillLeasedToBeSpentAndThenRefusesWithRetryAfter()
    {
        await using var redis = await app.ConnectRedisAsync();
        var bucket = $"test-{Guid.NewGuid():N}";
        using var limiter = Limiter(redis, bucket);
        Assert.True((await limiter.AcquireAsync()).IsAcquired);
        var firstAsked = await LastAskedAsync(redis, bucket);
        // Other replicas empty the shared bucket: it holds a token again in about ten seconds.
        await redis.GetDatabase().HashSetAsync(SharedTokenBuckets.KeyPrefix + bucket, "tokens", "-1000");
        await Task.Delay(20);

        for (var spent = 0; spent < 4; spent++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired);
        }
        await WaitUntilAsync(async () => await LastAskedAsync(redis, bucket) != firstAsked, "The limiter did not ask the shared bucket ahead.");
        for (var spent = 0; spent < 5; spent++)
        {
            Assert.True(limiter.AttemptAcquire().IsAcquired, $"leased token {spent} of 5 was refused");
        }

        Assert.False(limiter.AttemptAcquire().IsAcquired);
        using var refused = await limiter.AcquireAsync();
        Assert.False(refused.IsAcquired);
        Assert.True(refused.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter));
        Assert.InRange(retryAfter, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(11));
    }

    private static SharedTokenBucketLimiter Limiter(IConnectionMultiplexer redis, string bucket) =>
        new(new SharedTokenBuckets(redis, NullLogger<SharedTokenBuckets>.Instance), bucket, PerSecond, Burst, replicaCount: 1);

    /// <summary>When the bucket was last asked for tokens, on Redis's clock in milliseconds (the take script writes it).</summary>
    private static async Task<string?> LastAskedAsync(IConnectionMultiplexer redis, string bucket) =>
        await redis.GetDatabase().HashGetAsync(SharedTokenBuckets.KeyPrefix + bucket, "at");

    private static Task WaitUntilAsync(Func<bool> condition, string failure) => WaitUntilAsync(() => Task.FromResult(condition()), failure);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string failure)
    {
        for (var waited = TimeSpan.Zero; waited < TimeSpan.FromSeconds(10); waited += TimeSpan.FromMilliseconds(10))
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(10);
        }
        Assert.Fail(failure);
    }
}
