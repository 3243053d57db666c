namespace Provisioning.Contracts;

/// <summary>
/// Who a SCIM request speaks for, established by the Gateway from the bearer credential, and the
/// public origin (<c>https://host</c>) the client called, as the Gateway saw it after honouring
/// only its trusted proxies: ScimService builds every URL it answers from this signed value, never
/// from forwarded headers anyone could send.
/// </summary>
public sealed record TenantContext(
    Guid OrganizationId,
    Guid ConnectionId,
    Realm Realm,
    Guid CredentialId,
    string IdentityProvider,
    DateTimeOffset ExpiresAt,
    string? PublicOrigin = null);
