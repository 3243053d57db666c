using System.Diagnostics;
using System.Threading.RateLimiting;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>
/// One credential's limiter. The shared bucket in Redis decides, but a replica takes its tokens from it in
/// leases of up to <see cref="LeaseSize"/> and spends them locally, so most requests never wait on Redis. When
/// half of a lease is spent, the request that spent it asks Redis for the next one in the background, so a
/// credential in steady use finds its next lease there before the last one runs out; only a request that finds
/// none waits, for the one request to Redis under way (or a new one), with the others that find none. While
/// Redis is away a local bucket holding this replica's share of the limit (1/<see cref="GatewayOptions.ReplicaCount"/>)
/// decides instead.
/// <para>
/// How exact: every request admitted spent a token of the shared bucket, taken at most <see cref="LeaseLifetime"/>
/// before. So over any window the fleet admits at most what the shared bucket allows plus what replicas held
/// leased when the window began (replicas × a lease and a half, the next lease being asked for at half); and it
/// may refuse while other replicas still hold unused tokens, up to a lease and a half each, for at most
/// <see cref="LeaseLifetime"/>, after which those are dropped, not given back. A lease is at most a tenth of a
/// second of the rate and a quarter of the burst (1 for a limit of a few requests per second, which is then
/// exact, as before: a lease of one is not asked for ahead).
/// </para>
/// </summary>
public sealed class SharedTokenBucketLimiter : RateLimiter
{
    /// <summary>The most a lease holds: at the benchmark's raised limit, one Redis round trip per this many requests.</summary>
    public const int MaxLease = 100;

    /// <summary>A lease holds at most this long of the rate.</summary>
    public static readonly TimeSpan LeaseSpan = TimeSpan.FromMilliseconds(100);

    /// <summary>Leased tokens unused for this long are dropped, so a replica that stops getting traffic holds none back for long.</summary>
    public static readonly TimeSpan LeaseLifetime = TimeSpan.FromSeconds(1);

    private readonly SharedTokenBuckets _buckets;
    private readonly string _bucket;
    private readonly int _perSecond;
    private readonly int _burst;
    private readonly TokenBucketRateLimiter _replicaShare;
    private readonly Lock _gate = new();
    private int _leased;
    private long _leaseEnds;
    private Task<BucketAnswer?>? _renewal;
    private long _lastUsed = Stopwatch.GetTimestamp();

    public SharedTokenBucketLimiter(SharedTokenBuckets buckets, string bucket, int perSecond, int burst, int replicaCount)
    {
        _buckets = buckets;
        _bucket = bucket;
        _perSecond = perSecond;
        _burst = burst;
        LeaseSize = Math.Clamp((int)(perSecond * LeaseSpan.TotalSeconds), 1, Math.Max(1, Math.Min(MaxLease, burst / 4)));
        _replicaShare = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Share(burst, replicaCount),
            TokensPerPeriod = Share(perSecond, replicaCount),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    /// <summary>How many tokens this replica asks the shared bucket for at once.</summary>
    public int LeaseSize { get; }

    public override TimeSpan? IdleDuration => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastUsed));

    /// <summary>The tokens this replica holds leased and unspent; the shared bucket's own count is in Redis.</summary>
    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            return new RateLimiterStatistics { CurrentAvailablePermits = Stopwatch.GetTimestamp() < _leaseEnds ? _leased : 0 };
        }
    }

    // A leased token is spent at once; without one, "not yet" sends the rate-limiting middleware to AcquireAsync.
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        return TrySpendLeased() ? BucketLease.Taken : BucketLease.NotYet;
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastUsed, Stopwatch.GetTimestamp());
        // Each renewal takes at least one token or answers no: waiters that lost the race for a lease ask again.
        while (!TrySpendLeased())
        {
            switch (await Renewal().WaitAsync(cancellationToken))
            {
                case null:
                    return _replicaShare.AttemptAcquire(permitCount);
                case { Taken: 0 } refused:
                    return BucketLease.Refused(refused.RetryAfter);
            }
        }
        return BucketLease.Taken;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _replicaShare.Dispose();
        }
        base.Dispose(disposing);
    }

    /// <summary>Spends a leased token if there is one; the token that leaves half a lease asks for the next lease.</summary>
    private bool TrySpendLeased()
    {
        bool askAhead;
        lock (_gate)
        {
            if (_leased <= 0 || Stopwatch.GetTimestamp() >= _leaseEnds)
            {
                _leased = 0;
                return false;
            }
            _leased--;
            // Once per lease (the count passes half once on its way down). Whatever Redis answers, the tokens
            // left are spent as before; a refusal is felt only by a request that finds none left.
            askAhead = LeaseSize > 1 && _leased == LeaseSize / 2 && _renewal is null;
        }
        if (askAhead)
        {
            _ = Renewal();
        }
        return true;
    }

    /// <summary>The request to Redis for the next lease under way, else a new one.</summary>
    private Task<BucketAnswer?> Renewal()
    {
        lock (_gate)
        {
            if (_renewal is { } underWay)
            {
                return underWay;
            }
            var started = RenewAsync();
            // One that finished at once (Redis known to be away) cleared itself already; it must not stay.
            if (!started.IsCompleted)
            {
                _renewal = started;
            }
            return started;
        }
    }

    private async Task<BucketAnswer?> RenewAsync()
    {
        try
        {
            // Bounded by the buckets' own budget, not by any one request: the lease serves whoever waits next.
            var answer = await _buckets.TryTakeAsync(_bucket, _perSecond, _burst, LeaseSize, CancellationToken.None);
            if (answer is { Taken: > 0 } granted)
            {
                lock (_gate)
                {
                    _leased = (Stopwatch.GetTimestamp() < _leaseEnds ? _leased : 0) + granted.Taken;
                    _leaseEnds = Stopwatch.GetTimestamp() + (long)(LeaseLifetime.TotalSeconds * Stopwatch.Frequency);
                }
            }
            return answer;
        }
        finally
        {
            lock (_gate)
            {
                _renewal = null;
            }
        }
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
