using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol.Resources;

namespace Provisioning.ScimService.Users;

/// <summary>A user as the SCIM client reads it: the stored attributes, the derived groups, meta.</summary>
public static class UserRepresentation
{
    /// <param name="groups">Null when not read; a user in no group shows no <c>groups</c> either.</param>
    public static ResourceParts ToScim(ScimUser user, IReadOnlyList<GroupReference>? groups, HttpRequest request) =>
        new(user.Id, user.Attributes, "groups",
            groups is { Count: > 0 } ? groups.Select(g => new ResourceReference(g.Id, ResourceLocation.For(request, "/Groups", g.Id), g.DisplayName, "direct")).ToList() : null,
            "User", user.Created, user.LastModified, ResourceLocation.For(request, "/Users", user.Id), user.Version);
}
