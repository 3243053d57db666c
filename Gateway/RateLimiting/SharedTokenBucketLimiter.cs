using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>
/// One credential's limiter: the shared bucket in Redis decides; while Redis is away a local
/// bucket holding this replica's share of the limit (1/<see cref="GatewayOptions.ReplicaCount"/>)
/// decides instead, so the whole fleet stays near the limit and no request waits on Redis.
/// </summary>
public sealed class SharedTokenBucketLimiter : RateLimiter
{
    private readonly SharedTokenBuckets _buckets;
    private readonly string _bucket;
    private readonly int _perSecond;
    private readonly int _burst;
    private readonly TokenBucketRateLimiter _replicaShare;
    private long _lastUsed = Stopwatch.GetTimestamp();

    public SharedTokenBucketLimiter(SharedTokenBuckets buckets, string bucket, int perSecond, int burst, int replicaCount)
    {
        _buckets = buckets;
        _bucket = bucket;
        _perSecond = perSecond;
        _burst = burst;
        _replicaShare = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Share(burst, replicaCount),
            TokensPerPeriod = Share(perSecond, replicaCount),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    public override RateLimiterStatistics? GetStatistics() => null;

    // Redis cannot be asked synchronously: "not yet" sends the rate-limiting middleware to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount) => BucketLease.NotYet;

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        return await _buckets.TryTakeAsync(_bucket, _perSecond, _burst, cancellationToken) switch
        {
            { Taken: true } => BucketLease.Taken,
            { } refused => BucketLease.Refused(refused.RetryAfter),
            null => _replicaShare.AttemptAcquire(permitCount),
        };
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _replicaShare.Dispose();
        }
        base.Dispose(disposing);
    }

    private static int Share(int limit, int replicaCount) => Math.Max(1, (int)Math.Ceiling(limit / (double)replicaCount));

    private sealed class BucketLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly BucketLease Taken = new(true, null);
        public static readonly BucketLease NotYet = new(false, null);

        public static BucketLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
