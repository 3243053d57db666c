namespace Provisioning.ScimService.Realms.Devices;

/// <summary>A managed device: under one device policy, assigned to an MDM employee or to none.</summary>
public sealed class Device
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; init; }
    public required string Name { get; set; }
    public required string Platform { get; set; }
    public required string SerialNumber { get; set; }
    public Guid? MdmEmployeeId { get; set; }
    public Guid DevicePolicyId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
}
