namespace Provisioning.Contracts;

// The shapes of PolicyService's internal API, shared by its callers.

public sealed record OrganizationDto(Guid Id, string Slug, string Name, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt = null);

public sealed record CreateOrganizationRequest(string Slug, string Name);

/// <summary>An operator onboards a customer: the organization and its first admin, together or not at all.</summary>
public sealed record OnboardOrganizationRequest(string Slug, string Name, string AdminEmail);

/// <summary>The one answer that carries the first admin's one-time password.</summary>
public sealed record OnboardedOrganizationDto(OrganizationDto Organization, CreatedAdminDto Admin);

/// <summary>An organization as the operator lists it: its realms with SCIM on, and when SCIM was last used.</summary>
public sealed record OrganizationSummaryDto(
    Guid Id, string Slug, string Name, DateTimeOffset CreatedAt, DateTimeOffset? DisabledAt,
    Realm[] EnabledRealms, int Connections, DateTimeOffset? LastScimActivity);

/// <summary>A SCIM connection; <see cref="RateLimit"/> is null while the Gateway's default applies.</summary>
public sealed record ConnectionDto(
    Guid Id, Guid OrganizationId, Realm Realm, bool Enabled, DateTimeOffset CreatedAt, ConnectionRateLimit? RateLimit = null);

public sealed record UpdateConnectionRequest(bool Enabled);

public sealed record CreateTokenRequest(DateTimeOffset? ExpiresAt);

/// <summary>The one response that carries the secret; it is never retrievable again.</summary>
public sealed record CreatedTokenDto(Guid Id, string Token, string Lookup, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt);

public sealed record TokenDto(
    Guid Id,
    string Lookup,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ExpiresAt,
    DateTimeOffset? RevokedAt,
    DateTimeOffset? LastUsedAt);

/// <summary>A connection's OAuth client, without its secret.</summary>
public sealed record OAuthClientDto(Guid Id, string ClientId, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt);

/// <summary>The one response that carries the client secret; creating another replaces this client.</summary>
public sealed record CreatedOAuthClientDto(Guid Id, string ClientId, string ClientSecret, string TokenPath, DateTimeOffset CreatedAt);

/// <summary>A key that signs (or signed) OAuth access tokens; only its public half leaves PolicyService.</summary>
public sealed record SigningKeyDto(string KeyId, string Algorithm, DateTimeOffset CreatedAt, DateTimeOffset? RetiredAt, bool Signing);
