namespace Provisioning.ScimService.Realms.Devices;

/// <summary>An MDM Portal device policy (e.g. "Standard", "Lost or stolen"), per organization.</summary>
public sealed class DevicePolicy
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
