using System.Collections.Concurrent;
using Provisioning.Contracts;
using Provisioning.ScimService.Observability;

namespace Provisioning.ScimService.Realms.Settings;

/// <summary>
/// A connection's settings in memory. PolicyService publishes every change on the Redis
/// invalidation channel and <see cref="SettingsInvalidations"/> drops the entry at once; the short
/// lifetime bounds staleness when Redis (and so the channel) is away.
/// While PolicyService cannot be reached, an entry past its lifetime is still served for up to
/// <see cref="StaleLimit"/>: nobody can change settings then (changes go through PolicyService), and an
/// invalidation that did arrive removed the entry, so there is nothing stale to serve. Whether a
/// credential, connection or organization may be used at all is the Gateway's check, never this cache's.
/// </summary>
public sealed class ConnectionSettingsCache(TimeProvider clock, ILogger<ConnectionSettingsCache> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(15);

    /// <summary>How long past its lifetime an entry may be served while PolicyService cannot answer.</summary>
    public static readonly TimeSpan StaleLimit = TimeSpan.FromMinutes(5);

    /// <summary>How long a request with a stale entry at hand waits for PolicyService before it is served that entry.</summary>
    public static readonly TimeSpan StaleWait = TimeSpan.FromMilliseconds(500);

    /// <summary>After PolicyService failed to answer, how long a stale entry is served without asking again.</summary>
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private const string Name = "connection-settings";

    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();
    private readonly ConcurrentDictionary<(Guid ConnectionId, long Generation), Task<SettingsLookup>> _reads = new();
    private long _generation;

    /// <summary>The cached settings, else what <paramref name="load"/> reads (an unknown connection is not kept, nor is an unavailable PolicyService).</summary>
    /// <param name="wait">The most this request may wait for <paramref name="load"/> (its share of the request's 3 s).</param>
    public async Task<SettingsLookup> GetAsync(
        Guid connectionId, Func<CancellationToken, Task<SettingsLookup>> load, TimeSpan wait, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        _entries.TryGetValue(connectionId, out var entry);
        if (entry is not null && now < entry.ReadAt + Lifetime)
        {
            ScimTelemetry.CacheLookup(Name, "hit");
            return entry.Found;
        }
        var stale = entry is not null && now < entry.ReadAt + Lifetime + StaleLimit ? entry : null;
        if (stale is not null && now < stale.RetryAt)
        {
            ScimTelemetry.CacheLookup(Name, "stale");
            return stale.Found;
        }
        // Requests that miss together (an IdP's parallel connections on a cold cache) share one read, which
        // goes on without them (it may still refresh the entry); each waits only as long as it may.
        var read = SharedRead(connectionId, load);
        SettingsLookup lookup;
        try
        {
            lookup = await read.WaitAsync(stale is null || wait < StaleWait ? wait : StaleWait, clock, cancellationToken);
        }
        catch (TimeoutException)
        {
            lookup = new SettingsLookup.Unavailable("The connection's provisioning settings could not be read in time; nothing was changed. Try again.");
        }
        if (lookup is SettingsLookup.Unavailable && stale is not null)
        {
            _entries.TryUpdate(connectionId, stale with { RetryAt = now + RetryInterval }, stale);
            logger.LogWarning("PolicyService did not answer in time; serving connection {ConnectionId}'s settings as read {Age:0} s ago.",
                connectionId, (now - stale.ReadAt).TotalSeconds);
            ScimTelemetry.CacheLookup(Name, "stale");
            return stale.Found;
        }
        ScimTelemetry.CacheLookup(Name, "miss");
        return lookup;
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

    /// <summary>The read of this connection's settings under way since the last invalidation, else a new one.</summary>
    private Task<SettingsLookup> SharedRead(Guid connectionId, Func<CancellationToken, Task<SettingsLookup>> load)
    {
        var key = (connectionId, Interlocked.Read(ref _generation));
        var leader = new TaskCompletionSource<SettingsLookup>(TaskCreationOptions.RunContinuationsAsynchronously);
        var shared = _reads.GetOrAdd(key, leader.Task);
        if (shared == leader.Task)
        {
            _ = ReadAsync(key, leader, load);
        }
        return shared;
    }

    private async Task ReadAsync((Guid ConnectionId, long Generation) key, TaskCompletionSource<SettingsLookup> leader, Func<CancellationToken, Task<SettingsLookup>> load)
    {
        try
        {
            // Bounded by the client's own 2 s, not by any one request: the answer serves whoever still waits, and the entry.
            leader.SetResult(await LoadAndKeepAsync(key.ConnectionId, load, key.Generation, CancellationToken.None));
        }
        catch (Exception e)
        {
            leader.SetException(e);
            _ = leader.Task.Exception; // observed here, whether or not anyone still waits
        }
        finally
        {
            _reads.TryRemove(KeyValuePair.Create(key, leader.Task));
        }
    }

    private async Task<SettingsLookup> LoadAndKeepAsync(
        Guid connectionId, Func<CancellationToken, Task<SettingsLookup>> load, long generation, CancellationToken cancellationToken)
    {
        var readAt = clock.GetUtcNow();
        var lookup = await load(cancellationToken);
        if (lookup is SettingsLookup.Unknown)
        {
            // PolicyService knows no such connection: nothing of it may be served later either.
            _entries.TryRemove(connectionId, out _);
        }
        if (lookup is not SettingsLookup.Found found)
        {
            return lookup;
        }
        // An invalidation that lands while the read is in flight may describe a newer state than
        // the one read: then the answer serves this call but is not kept.
        if (Interlocked.Read(ref _generation) == generation)
        {
            var fresh = new Entry(found, readAt, readAt);
            _entries[connectionId] = fresh;
            // An invalidation between the check and the write above would be lost: look once more.
            if (Interlocked.Read(ref _generation) != generation)
            {
                _entries.TryRemove(new KeyValuePair<Guid, Entry>(connectionId, fresh));
            }
        }
        return found;
    }

    /// <param name="ReadAt">When the read that produced it began: the lifetime counts from what PolicyService knew then.</param>
    /// <param name="RetryAt">Until when a stale entry is served without asking PolicyService again.</param>
    private sealed record Entry(SettingsLookup.Found Found, DateTimeOffset ReadAt, DateTimeOffset RetryAt);
}
