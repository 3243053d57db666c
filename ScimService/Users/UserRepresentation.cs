using System.Text.Json.Nodes;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Resources;

namespace Provisioning.ScimService.Users;

/// <summary>A user as the SCIM client reads it: the stored attributes, the derived groups, meta.</summary>
public static class UserRepresentation
{
    public static JsonObject ToScim(ScimUser user, IReadOnlyList<GroupReference>? groups, HttpRequest request)
    {
        var attributes = JsonNode.Parse(user.Attributes)!.AsObject();
        var schemas = new JsonArray(ScimSchemas.User);
        if (attributes.ContainsKey(ScimSchemas.EnterpriseUser))
        {
            schemas.Add(ScimSchemas.EnterpriseUser);
        }
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
