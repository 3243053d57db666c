using System.Text.Json.Serialization;

namespace Provisioning.Contracts;

// A connection's provisioning settings: PolicyService keeps them, ScimService applies them.

/// <summary>What a newly active SCIM user becomes in the realm.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CreationAction>))]
public enum CreationAction
{
    Nothing,
    CreateAccount,
}

/// <summary>What happens in the realm when a SCIM user stops being active (or is deleted).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeactivationAction>))]
public enum DeactivationAction
{
    Nothing,

    /// <summary>Enterprise Store and Dashboard: the employee or collaborator is removed.</summary>
    RemoveAccount,

    /// <summary>MDM Portal: the user's devices lose their user; the MDM employee stays.</summary>
    UnassignDevices,

    /// <summary>MDM Portal: the user's devices move to the target device policy.</summary>
    ChangeDevicePolicy,

    /// <summary>MDM Portal: the MDM employee is removed; their devices stay, unassigned.</summary>
    RemoveUser,

    /// <summary>MDM Portal: the MDM employee and their devices are removed.</summary>
    RemoveUserAndDevices,
}

/// <summary>A Dashboard collaborator's role; a higher value wins when several groups map to roles.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CollaboratorRole>))]
public enum CollaboratorRole
{
    Viewer = 1,
    Editor = 2,
    Admin = 3,
}

/// <param name="DefaultRole">Dashboard only: the role of a collaborator in no mapped group.</param>
/// <param name="TargetDevicePolicyId">MDM Portal with <see cref="DeactivationAction.ChangeDevicePolicy"/> only.</param>
public sealed record ConnectionPolicyDto(
    CreationAction OnCreate,
    DeactivationAction OnDeactivate,
    CollaboratorRole? DefaultRole = null,
    Guid? TargetDevicePolicyId = null);

/// <summary>A SCIM group (by id; its name as the admin saw it) that gives its members a Dashboard role.</summary>
public sealed record GroupRoleMappingDto(Guid GroupId, CollaboratorRole Role, string? GroupName = null);

public sealed record ConnectionSettingsDto(
    Guid ConnectionId,
    Guid OrganizationId,
    Realm Realm,
    ConnectionPolicyDto Policy,
    IReadOnlyList<GroupRoleMappingDto> GroupRoles,
    IReadOnlyList<CustomAttributeDto>? CustomAttributes = null,
    UndeclaredAttributePolicy UndeclaredAttributes = UndeclaredAttributePolicy.Ignore,
    long SettingsVersion = 0);

public sealed record UpdateGroupRolesRequest(IReadOnlyList<GroupRoleMappingDto> Mappings);

/// <summary>A connection whose settings changed <paramref name="SettingsVersion"/> times: what ScimService compares with the version it reconciled.</summary>
public sealed record SettingsVersionDto(Guid ConnectionId, long SettingsVersion);

/// <summary>Asks ScimService to bring the connection's roles up to at least this settings version (the one a save answered).</summary>
public sealed record ReconcileRolesRequest(long SettingsVersion);

/// <summary>What reconciling the roles with <paramref name="SettingsVersion"/> did (the same answer however often it is asked).</summary>
public sealed record RolesReconciledDto(long SettingsVersion, int CollaboratorsEvaluated, int CollaboratorsChanged);
