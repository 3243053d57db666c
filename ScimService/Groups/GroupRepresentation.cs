using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol.Resources;

namespace Provisioning.ScimService.Groups;

/// <summary>A group as the SCIM client reads it: the stored attributes, the members (when loaded), meta.</summary>
public static class GroupRepresentation
{
    /// <param name="members">Null when not read; read and none shows <c>"members": []</c>.</param>
    public static ResourceParts ToScim(ScimGroup group, IReadOnlyList<MemberView>? members, HttpRequest request) =>
        new(group.Id, group.Attributes, "members",
            members?.Select(m => new ResourceReference(m.Id, ResourceLocation.For(request, m.Type == MemberTypes.Group ? "/Groups" : "/Users", m.Id), m.Display, m.Type)).ToList(),
            "Group", group.Created, group.LastModified, ResourceLocation.For(request, "/Groups", group.Id), group.Version);
}
