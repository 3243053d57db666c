namespace Provisioning.Contracts;

// Shapes of ScimService's internal API that exist for the Admin UI's pages: the deactivation
// preview, device edits, a log entry with its request, and the activity chart.

/// <summary>What a deactivate policy (saved or about to be) would do to one user; nothing is changed to answer it.</summary>
public sealed record DeactivationPreviewRequest(Guid ConnectionId, Realm Realm, Guid ScimUserId, ConnectionPolicyDto Policy);

/// <param name="Summary">One sentence, e.g. "unassign 3 devices: MacBook (SN1), …".</param>
/// <param name="Details">One line per action the policy would take.</param>
public sealed record DeactivationPreviewDto(string Summary, IReadOnlyList<string> Details);

/// <summary>A device's editable fields; <see cref="MdmEmployeeId"/> null unassigns it.</summary>
public sealed record UpdateDeviceRequest(string Name, string Platform, string SerialNumber, Guid DevicePolicyId, Guid? MdmEmployeeId);

public sealed record UpdateDevicePolicyRequest(string Name);

/// <summary>A log entry and every entry of the same request (the SCIM change and the actions it caused), oldest first.</summary>
public sealed record ProvisioningLogEntryDetailDto(ProvisioningLogEntryDto Entry, IReadOnlyList<ProvisioningLogEntryDto> Request);

/// <summary>Provisioning activity in one time bucket (an hour or a day), counted in SQL.</summary>
public sealed record ActivityBucketDto(DateTimeOffset Start, int Creates, int Updates, int Deactivations, int Failures);

public sealed record ProvisioningActivityDto(DateTimeOffset From, string BucketSize, IReadOnlyList<ActivityBucketDto> Buckets);
