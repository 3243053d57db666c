namespace Provisioning.PolicyService.Credentials;

/// <summary>A static SCIM bearer token. Only its lookup prefix and SHA-256 hash are kept.</summary>
public sealed class BearerToken
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid ConnectionId { get; init; }
    public required string Lookup { get; init; }
    public required string Hash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public DateTimeOffset? RevokedAt { get; set; }
    public DateTimeOffset? LastUsedAt { get; set; }

    /// <summary>Which of the connection's live-token slots this token holds (see <see cref="TokenSlots"/>); null once revoked or expired.</summary>
    public short? Slot { get; set; }

    public void Revoke(DateTimeOffset now)
    {
        RevokedAt ??= now;
        Slot = null;
    }

    public bool IsActive(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
