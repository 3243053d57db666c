using Provisioning.Contracts;

namespace Provisioning.Gateway.Authentication;

/// <summary>
/// Turns a presented static token into the connection it belongs to. PolicyService is asked
/// by lookup and hash (the secret stays here); answers are cached briefly, so a revocation
/// reaches every gateway replica within seconds.
/// </summary>
public sealed class BearerTokenAuthenticator(PolicyServiceClient policyService, CredentialCache cache)
{
    /// <param name="beforeLookup">Runs before PolicyService is asked for this request (not for a cached answer, nor its refresh); it may refuse by throwing.</param>
    public async Task<CredentialCheckResult?> AuthenticateAsync(string token, Action beforeLookup, CancellationToken cancellationToken)
    {
        if (!BearerTokenFormat.TryParse(token, out var lookup, out var hash))
        {
            return null;
        }
        // Keyed by the hash: the clear token is never a cache key.
        return await cache.GetOrCheckAsync(
            "token:" + hash, SettingsKeys.BearerTokens(lookup),
            ct => policyService.CheckAsync(lookup, hash, ct),
            cancellationToken,
            beforeLookup);
    }
}
