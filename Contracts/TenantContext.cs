namespace Provisioning.Contracts;

/// <summary>
/// Who a SCIM request speaks for, established by the Gateway from the bearer credential.
/// </summary>
public sealed record TenantContext(
    Guid OrganizationId,
    Guid ConnectionId,
    Realm Realm,
    Guid CredentialId,
    string IdentityProvider,
    DateTimeOffset ExpiresAt);
