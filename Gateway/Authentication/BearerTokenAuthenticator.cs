using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Provisioning.Contracts;

namespace Provisioning.Gateway.Authentication;

/// <summary>
/// Turns a presented static token into the connection it belongs to. PolicyService is asked
/// by lookup and hash (the secret stays here); answers are cached in memory for seconds only,
/// so a revocation reaches every gateway replica within that time.
/// </summary>
public sealed class BearerTokenAuthenticator(
    PolicyServiceClient policyService, IMemoryCache cache, IOptions<GatewayOptions> options)
{
    public async Task<CredentialCheckResult?> AuthenticateAsync(string token, CancellationToken cancellationToken)
    {
        if (!BearerTokenFormat.TryParse(token, out var lookup, out var hash))
        {
            return null;
        }
        // Keyed by the hash: the clear token is never a cache key.
        var key = "token:" + hash;
        if (cache.TryGetValue(key, out CredentialCheckResult? known))
        {
            return known;
        }
        var result = await policyService.CheckAsync(lookup, hash, cancellationToken);
        var lifetime = result is null ? options.Value.RefusedTokenCacheLifetime : options.Value.AcceptedTokenCacheLifetime;
        cache.Set(key, result, lifetime);
        return result;
    }
}
