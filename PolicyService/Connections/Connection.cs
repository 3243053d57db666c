using Provisioning.Contracts;

namespace Provisioning.PolicyService.Connections;

/// <summary>One SCIM connection per organization and realm: its own base URL and credentials.</summary>
public sealed class Connection
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public Realm Realm { get; init; }
    public bool Enabled { get; set; } = true;
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The connection's own rate limit; both null while the Gateway's default applies.</summary>
    public int? RateLimitRequestsPerSecond { get; set; }

    public int? RateLimitBurst { get; set; }

    /// <summary>What ScimService does with attributes no declaration names: ignore and log them (the default), or refuse the request.</summary>
    public UndeclaredAttributePolicy UndeclaredAttributes { get; set; } = UndeclaredAttributePolicy.Ignore;

    /// <summary>
    /// Raised by every save of the policy or the group→role mappings. ScimService remembers the
    /// version it last reconciled roles with and catches up when it sees a newer one, so a change
    /// saved while ScimService was away still reaches the collaborators.
    /// </summary>
    public long SettingsVersion { get; set; }

    public ConnectionRateLimit? RateLimit =>
        RateLimitRequestsPerSecond is { } perSecond && RateLimitBurst is { } burst ? new(perSecond, burst) : null;
}
