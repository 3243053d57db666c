using System.Collections.Concurrent;
using Provisioning.Contracts;
using Provisioning.ScimService.Observability;

namespace Provisioning.ScimService.Realms.Settings;

/// <summary>
/// A connection's settings in memory. PolicyService publishes every change on the Redis
/// invalidation channel and <see cref="SettingsInvalidationListener"/> drops the entry at once;
/// the short lifetime bounds staleness when Redis (and so the channel) is away.
/// </summary>
public sealed class ConnectionSettingsCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private long _generation;

    /// <summary>The cached settings, else what <paramref name="load"/> reads (null: no such connection, not kept).</summary>
    public async Task<ConnectionSettingsDto?> GetAsync(Guid connectionId, Func<CancellationToken, Task<ConnectionSettingsDto?>> load, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        if (_entries.TryGetValue(connectionId, out var entry) && entry.ExpiresAt > now)
        {
            ScimTelemetry.CacheLookup("connection-settings", hit: true);
            return entry.Settings;
        }
        ScimTelemetry.CacheLookup("connection-settings", hit: false);
        // An invalidation that lands while the read is in flight may describe a newer state than
        // the one read: then the answer serves this call but is not kept.
        var generation = Interlocked.Read(ref _generation);
        var settings = await load(cancellationToken);
        if (settings is not null && Interlocked.Read(ref _generation) == generation)
        {
            var fresh = new Entry(settings, now + Lifetime);
            _entries[connectionId] = fresh;
            // An invalidation between the check and the write above would be lost: look once more.
            if (Interlocked.Read(ref _generation) != generation)
            {
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(connectionId, fresh));
            }
        }
        return settings;
    }

    public void Invalidate(Guid connectionId)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(connectionId, out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    private sealed record Entry(ConnectionSettingsDto Settings, DateTimeOffset ExpiresAt);
}
