namespace Provisioning.Contracts;

/// <summary>The Gateway asks PolicyService about a presented token by its lookup prefix and hash; the secret never leaves the Gateway.</summary>
public sealed record CredentialCheckRequest(string Lookup, string Hash);

/// <summary>The Gateway asks whether the OAuth client an access token was issued to is still live.</summary>
public sealed record OAuthClientCheckRequest(Guid ClientCredentialId);

/// <summary>
/// Who a credential speaks for. <see cref="RateLimit"/> is the connection's own limit, or null
/// for the Gateway's default.
/// </summary>
public sealed record CredentialCheckResult(
    Guid CredentialId,
    Guid OrganizationId,
    Guid ConnectionId,
    Realm Realm,
    bool ConnectionEnabled,
    ConnectionRateLimit? RateLimit = null);

/// <summary>A token bucket: <see cref="RequestsPerSecond"/> sustained, up to <see cref="Burst"/> at once.</summary>
public sealed record ConnectionRateLimit(int RequestsPerSecond, int Burst);
