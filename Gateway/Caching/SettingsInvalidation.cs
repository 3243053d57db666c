using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Provisioning.Gateway.Caching;

/// <summary>
/// Change tokens per PolicyService settings key. Memory-cache entries built from a setting watch
/// its key; when PolicyService publishes the key as changed, the entries drop at once instead of
/// living out their few seconds.
/// </summary>
public sealed class SettingsInvalidation
{
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _watches = new();
    private long _generation;

    /// <summary>Moves on with every invalidation: an answer fetched across a change is not worth caching.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// Only keys of credentials that were accepted are watched, so presenting made-up tokens
    /// cannot grow this map.
    /// </summary>
    public IChangeToken Watch(string settingsKey) =>
        new CancellationChangeToken(_watches.GetOrAdd(settingsKey, _ => new CancellationTokenSource()).Token);

    public void Invalidate(string settingsKey)
    {
        Interlocked.Increment(ref _generation);
        if (_watches.TryRemove(settingsKey, out var source))
        {
            source.Cancel();
        }
    }
}
