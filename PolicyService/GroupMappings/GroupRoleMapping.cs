using Provisioning.Contracts;

namespace Provisioning.PolicyService.GroupMappings;

/// <summary>A SCIM group of a Dashboard connection whose members get a role.</summary>
public sealed class GroupRoleMapping
{
    public Guid ConnectionId { get; init; }
    public Guid GroupId { get; init; }

    /// <summary>The group's name when the admin mapped it, to show; the id is what matches.</summary>
    public string? GroupName { get; set; }
    public CollaboratorRole Role { get; set; }

    public GroupRoleMappingDto ToDto() => new(GroupId, Role, GroupName);
}
