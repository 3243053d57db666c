namespace Provisioning.Contracts;

// The shapes of PolicyService's internal API, shared by its callers.

public sealed record OrganizationDto(Guid Id, string Slug, string Name, DateTimeOffset CreatedAt);

public sealed record CreateOrganizationRequest(string Slug, string Name);

public sealed record ConnectionDto(Guid Id, Guid OrganizationId, Realm Realm, bool Enabled, DateTimeOffset CreatedAt);

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
