using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.Gateway.Caching;

namespace Provisioning.Gateway.Authentication;

/// <summary>
/// PolicyService's answers about credentials, kept in memory for seconds (an accepted one a
/// little longer than a refused one); an accepted one is dropped at once when PolicyService
/// publishes a change to its settings. The cache is its own and bounded in entries, so a flood of
/// made-up tokens cannot grow the Gateway's memory.
/// </summary>
public sealed class CredentialCache(SettingsInvalidation invalidation, IOptions<GatewayOptions> options) : IDisposable
{
    private readonly MemoryCache _answers = new(new MemoryCacheOptions { SizeLimit = options.Value.CredentialCacheEntries });

    /// <summary>Answers kept now (for tests and diagnostics).</summary>
    public int Count => _answers.Count;

    public async Task<CredentialCheckResult?> GetOrCheckAsync(
        string cacheKey, string settingsKey, Func<CancellationToken, Task<CredentialCheckResult?>> check, CancellationToken cancellationToken)
    {
        if (_answers.TryGetValue(cacheKey, out CredentialCheckResult? known))
        {
            return known;
        }
        var generation = invalidation.Generation;
        var result = await check(cancellationToken);
        if (result is null)
        {
            _answers.Set(cacheKey, result, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = options.Value.RefusedTokenCacheLifetime });
            return result;
        }
        var changed = invalidation.Watch(settingsKey);
        if (invalidation.Generation != generation)
        {
            // Something changed while PolicyService answered; the next request asks again.
            return result;
        }
        using (var entry = _answers.CreateEntry(cacheKey))
        {
            entry.Value = result;
            entry.Size = 1;
            entry.AbsoluteExpirationRelativeToNow = options.Value.AcceptedTokenCacheLifetime;
            entry.AddExpirationToken(changed);
        }
        return result;
    }

    public void Dispose() => _answers.Dispose();
}
