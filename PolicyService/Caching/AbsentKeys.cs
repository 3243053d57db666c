using System.Collections.Concurrent;

namespace Provisioning.PolicyService.Caching;

/// <summary>
/// Settings keys that PostgreSQL just said hold nothing (a made-up token's lookup, an unknown
/// connection), remembered for seconds in this replica's memory instead of in Redis. The table
/// is bounded: when full, nothing more is remembered and look-ups simply go to PostgreSQL (the
/// Gateway's per-address limit bounds how many there are). A local change forgets the key, and
/// an answer read across a change is not remembered.
/// </summary>
public sealed class AbsentKeys(TimeProvider clock)
{
    public const int Capacity = 10_000;
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, DateTimeOffset> _expiries = new(StringComparer.Ordinal);
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    public int Count => _expiries.Count;

    public bool Contains(string key)
    {
        if (!_expiries.TryGetValue(key, out var expiresAt))
        {
            return false;
        }
        if (expiresAt > clock.GetUtcNow())
        {
            return true;
        }
        _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiresAt));
        return false;
    }

    public void Remember(string key, long generationBeforeRead)
    {
        if (_expiries.Count >= Capacity && !Sweep())
        {
            return;
        }
        var expiresAt = clock.GetUtcNow() + Lifetime;
        _expiries[key] = expiresAt;
        if (Generation != generationBeforeRead)
        {
            _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiresAt));
        }
    }

    public void Forget(string key)
    {
        Interlocked.Increment(ref _generation);
        _expiries.TryRemove(key, out _);
    }

    /// <summary>Drops expired keys; true when that made room.</summary>
    private bool Sweep()
    {
        var now = clock.GetUtcNow();
        foreach (var (key, expiresAt) in _expiries)
        {
            if (expiresAt <= now)
            {
                _expiries.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, expiresAt));
            }
        }
        return _expiries.Count < Capacity;
    }
}
