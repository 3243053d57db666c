using System.Collections.Concurrent;

namespace Provisioning.Gateway.RateLimiting;

/// <summary>
/// A token bucket per client address, with a fixed ceiling on how many addresses it remembers:
/// full buckets (addresses quiet long enough to be back at their burst) are forgotten, and when
/// the table is still full every new address shares one overflow bucket. So a flood from many
/// addresses costs bounded memory and is still limited. A taken token can be given back, which
/// lets a caller reserve before costly work and return the token when the request turns out fine.
/// </summary>
public sealed class AddressBuckets(AddressBucketOptions options, int maxAddresses, TimeProvider clock)
{
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private readonly ConcurrentDictionary<string, Bucket> _buckets = new(StringComparer.Ordinal);
    private readonly Bucket _overflow = new(options.Burst, clock.GetUtcNow());
    private long _sweptAt = clock.GetUtcNow().UtcTicks;

    public int Count => _buckets.Count;

    /// <summary>Takes one token; when there is none, how long until there is.</summary>
    public bool TryTake(string address, out TimeSpan retryAfter)
    {
        var bucket = Find(address, create: true)!;
        lock (bucket)
        {
            Refill(bucket);
            if (bucket.Tokens >= 1)
            {
                bucket.Tokens -= 1;
                retryAfter = TimeSpan.Zero;
                return true;
            }
            retryAfter = TimeSpan.FromSeconds((1 - bucket.Tokens) / options.PerSecond);
            return false;
        }
    }

    /// <summary>Gives back a token taken by <see cref="TryTake"/>.</summary>
    public void Return(string address)
    {
        if (Find(address, create: false) is not { } bucket)
        {
            return;
        }
        lock (bucket)
        {
            bucket.Tokens = Math.Min(options.Burst, bucket.Tokens + 1);
        }
    }

    private Bucket? Find(string address, bool create)
    {
        if (_buckets.TryGetValue(address, out var bucket))
        {
            return bucket;
        }
        if (_buckets.Count >= maxAddresses)
        {
            SweepFullBuckets();
            if (_buckets.Count >= maxAddresses)
            {
                return _overflow;
            }
        }
        return create ? _buckets.GetOrAdd(address, _ => new Bucket(options.Burst, clock.GetUtcNow())) : _overflow;
    }

    /// <summary>At most once a second, so a flood of new addresses does not sweep on every request.</summary>
    private void SweepFullBuckets()
    {
        var sweptAt = Interlocked.Read(ref _sweptAt);
        var now = clock.GetUtcNow().UtcTicks;
        if (now - sweptAt < SweepInterval.Ticks || Interlocked.CompareExchange(ref _sweptAt, now, sweptAt) != sweptAt)
        {
            return;
        }
        foreach (var (address, bucket) in _buckets)
        {
            lock (bucket)
            {
                Refill(bucket);
                if (bucket.Tokens >= options.Burst)
                {
                    _buckets.TryRemove(address, out _);
                }
            }
        }
    }

    private void Refill(Bucket bucket)
    {
        var now = clock.GetUtcNow();
        var elapsed = Math.Max(0, (now - bucket.RefilledAt).TotalSeconds);
        bucket.Tokens = Math.Min(options.Burst, bucket.Tokens + elapsed * options.PerSecond);
        bucket.RefilledAt = now;
    }

    private sealed class Bucket(double tokens, DateTimeOffset refilledAt)
    {
        public double Tokens { get; set; } = tokens;
        public DateTimeOffset RefilledAt { get; set; } = refilledAt;
    }
}
