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
}
