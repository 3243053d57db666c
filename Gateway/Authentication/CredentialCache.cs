using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;
using Provisioning.Gateway.Caching;

namespace Provisioning.Gateway.Authentication;

/// <summary>
/// PolicyService's answers about credentials, kept in memory for seconds (an accepted one a
/// little longer than a refused one); an accepted one is dropped at once when PolicyService
/// publishes a change to its settings.
/// </summary>
public sealed class CredentialCache(IMemoryCache cache, SettingsInvalidation invalidation, IOptions<GatewayOptions> options)
{
    public async Task<CredentialCheckResult?> GetOrCheckAsync(
        string cacheKey, string settingsKey, Func<CancellationToken, Task<CredentialCheckResult?>> check, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(cacheKey, out CredentialCheckResult? known))
        {
            return known;
        }
        var generation = invalidation.Generation;
        var result = await check(cancellationToken);
        if (result is null)
        {
            cache.Set(cacheKey, result, options.Value.RefusedTokenCacheLifetime);
            return result;
        }
        var changed = invalidation.Watch(settingsKey);
        if (invalidation.Generation != generation)
        {
            // Something changed while PolicyService answered; the next request asks again.
            return result;
        }
        using (var entry = cache.CreateEntry(cacheKey))
        {
            entry.Value = result;
            entry.AbsoluteExpirationRelativeToNow = options.Value.AcceptedTokenCacheLifetime;
            entry.AddExpirationToken(changed);
        }
        return result;
    }
}
