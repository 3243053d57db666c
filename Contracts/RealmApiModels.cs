namespace Provisioning.Contracts;

// The shapes of ScimService's internal API for realm accounts, devices and the provisioning log.

/// <summary>An employee (Enterprise Store), collaborator (Dashboard, with a role) or MDM employee (MDM Portal).</summary>
public sealed record AccountDto(
    Guid Id,
    Guid OrganizationId,
    Realm Realm,
    string Email,
    string? DisplayName,
    CollaboratorRole? Role,
    Guid? ScimUserId,
    DateTimeOffset CreatedAt);

/// <summary>An account made by hand, before (or beside) SCIM; SCIM links to it by email.</summary>
public sealed record CreateAccountRequest(string Email, string? DisplayName, CollaboratorRole? Role = null);

public sealed record DevicePolicyDto(Guid Id, Guid OrganizationId, string Name);

public sealed record CreateDevicePolicyRequest(string Name);

public sealed record DeviceDto(
    Guid Id,
    Guid OrganizationId,
    string Name,
    string Platform,
    string SerialNumber,
    Guid? MdmEmployeeId,
    Guid DevicePolicyId);

public sealed record CreateDeviceRequest(string Name, string Platform, string SerialNumber, Guid DevicePolicyId, Guid? MdmEmployeeId = null);

public sealed record ProvisioningLogEntryDto(
    long Id,
    Guid RequestId,
    DateTimeOffset At,
    Guid OrganizationId,
    Guid ConnectionId,
    Realm Realm,
    string IdentityProvider,
    Guid? ScimUserId,
    Guid? ScimGroupId,
    string Operation,
    string? Policy,
    string Action,
    string Description,
    string Outcome,
    string? TraceId,
    string? CustomAttributes = null);

public sealed record ProvisioningLogPage(int TotalResults, int Page, int PageSize, IReadOnlyList<ProvisioningLogEntryDto> Items);
