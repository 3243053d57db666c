using Provisioning.Contracts;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.Tests.Unit.Realms;

public sealed class RoleRulesTests
{
    private static readonly Guid Admins = Guid.NewGuid();
    private static readonly Guid Editors = Guid.NewGuid();
    private static readonly Guid Viewers = Guid.NewGuid();
    private static readonly Guid Unmapped = Guid.NewGuid();

    private static readonly GroupRoleMappingDto[] Mappings =
    [
        new(Admins, CollaboratorRole.Admin, "Admins"),
        new(Editors, CollaboratorRole.Editor, "Editors"),
        new(Viewers, CollaboratorRole.Viewer, "Viewers"),
    ];

    public static TheoryData<string, Guid[], CollaboratorRole, CollaboratorRole> Cases => new()
    {
        { "no group: the default role", [], CollaboratorRole.Editor, CollaboratorRole.Editor },
        { "only unmapped groups: the default role", [Unmapped], CollaboratorRole.Viewer, CollaboratorRole.Viewer },
        { "one mapped group", [Editors], CollaboratorRole.Viewer, CollaboratorRole.Editor },
        { "the highest of several", [Viewers, Admins, Editors], CollaboratorRole.Viewer, CollaboratorRole.Admin },
        { "editor beats viewer", [Viewers, Editors, Unmapped], CollaboratorRole.Viewer, CollaboratorRole.Editor },
        { "a mapped group wins over a higher default", [Viewers], CollaboratorRole.Admin, CollaboratorRole.Viewer },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ARoleIsTheHighestMappedRoleElseTheDefault(string shape, Guid[] memberOf, CollaboratorRole defaultRole, CollaboratorRole expected)
    {
        Assert.NotEmpty(shape);
        Assert.Equal(expected, RoleRules.RoleFor(memberOf, Mappings, defaultRole));
    }
}
