using System.Text.Json.Nodes;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Users;

/// <summary>A user as the SCIM client reads it: the stored attributes, the derived groups, meta.</summary>
public static class UserRepresentation
{
    public static JsonObject ToScim(ScimUser user, ResourceTypeDefinition type, IReadOnlyList<GroupReference>? groups, HttpRequest request)
    {
        var attributes = StoredAttributes.Visible(JsonNode.Parse(user.Attributes)!.AsObject(), type);
        var schemas = SchemasDeclaration.Of(attributes, type);
        var resource = new JsonObject
        {
            ["schemas"] = schemas,
            ["id"] = user.Id.ToString(),
        };
        foreach (var (name, value) in attributes.ToList())
        {
            attributes.Remove(name);
            resource[name] = value;
        }
        if (groups is { Count: > 0 })
        {
            resource["groups"] = new JsonArray(groups.Select(g => (JsonNode)new JsonObject
            {
                ["value"] = g.Id.ToString(),
                ["$ref"] = ResourceLocation.For(request, "/Groups", g.Id),
                ["display"] = g.DisplayName,
                ["type"] = "direct",
            }).ToArray());
        }
        resource["meta"] = Meta.Create("User", user.Created, user.LastModified, ResourceLocation.For(request, "/Users", user.Id), user.Version);
        return resource;
    }

}
