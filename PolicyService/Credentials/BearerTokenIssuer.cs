using Provisioning.Contracts;

namespace Provisioning.PolicyService.Credentials;

public static class BearerTokenIssuer
{
    /// <summary>Makes a new token; the clear secret is returned once and never stored.</summary>
    public static (BearerToken Token, string Secret) Issue(Guid connectionId, DateTimeOffset? expiresAt, DateTimeOffset now) =>
        FromSecret(connectionId, BearerTokenFormat.Create(), expiresAt, now);

    public static (BearerToken Token, string Secret) FromSecret(Guid connectionId, string secret, DateTimeOffset? expiresAt, DateTimeOffset now)
    {
        if (!BearerTokenFormat.TryParse(secret, out var lookup, out var hash))
        {
            throw new ArgumentException("The secret is not shaped like a bearer token.", nameof(secret));
        }
        var token = new BearerToken
        {
            ConnectionId = connectionId,
            Lookup = lookup,
            Hash = hash,
            CreatedAt = now,
            ExpiresAt = expiresAt,
        };
        return (token, secret);
    }
}
