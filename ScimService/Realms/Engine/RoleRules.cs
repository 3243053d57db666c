using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Engine;

public static class RoleRules
{
    /// <summary>The highest role among the mapped groups the user is a direct member of; else the connection's default role.</summary>
    public static CollaboratorRole RoleFor(IEnumerable<Guid> memberOf, IReadOnlyList<GroupRoleMappingDto> mappings, CollaboratorRole defaultRole)
    {
        var groups = memberOf.ToHashSet();
        var roles = mappings.Where(m => groups.Contains(m.GroupId)).Select(m => m.Role).ToList();
        return roles.Count > 0 ? roles.Max() : defaultRole;
    }

    public static CollaboratorRole DefaultRole(this ConnectionSettingsDto settings) => settings.Policy.DefaultRole ?? CollaboratorRole.Viewer;
}
