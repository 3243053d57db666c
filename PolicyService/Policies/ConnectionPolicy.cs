using Provisioning.Contracts;

namespace Provisioning.PolicyService.Policies;

/// <summary>
/// What a connection's SCIM changes do in its realm. A connection without a row uses
/// <see cref="PolicyDefaults"/>; the first save creates the row.
/// </summary>
public sealed class ConnectionPolicy
{
    public Guid ConnectionId { get; init; }
    public CreationAction OnCreate { get; set; }
    public DeactivationAction OnDeactivate { get; set; }
    public CollaboratorRole? DefaultRole { get; set; }
    public Guid? TargetDevicePolicyId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    public ConnectionPolicyDto ToDto() => new(OnCreate, OnDeactivate, DefaultRole, TargetDevicePolicyId);
}
