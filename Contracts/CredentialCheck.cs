namespace Provisioning.Contracts;

/// <summary>The Gateway asks PolicyService about a presented token by its lookup prefix and hash; the secret never leaves the Gateway.</summary>
public sealed record CredentialCheckRequest(string Lookup, string Hash);

public sealed record CredentialCheckResult(
    Guid CredentialId,
    Guid OrganizationId,
    Guid ConnectionId,
    Realm Realm,
    bool ConnectionEnabled);
