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
    UndeclaredAttributePolicy UndeclaredAttributes = UndeclaredAttributePolicy.Ignore);

public sealed record UpdateGroupRolesRequest(IReadOnlyList<GroupRoleMappingDto> Mappings);

/// <param name="CollaboratorsChanged">How many collaborators got another role; null when ScimService could not be reached (the mapping is saved).</param>
public sealed record GroupRolesUpdatedDto(ConnectionSettingsDto Settings, int? CollaboratorsChanged);

/// <summary>Asks ScimService to re-evaluate the roles of the members of these groups (all collaborators when empty).</summary>
public sealed record RecomputeRolesRequest(IReadOnlyList<Guid>? GroupIds);

public sealed record RecomputeRolesResult(int CollaboratorsEvaluated, int CollaboratorsChanged);
