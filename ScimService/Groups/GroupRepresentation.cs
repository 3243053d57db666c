using System.Text.Json.Nodes;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Groups;

/// <summary>A group as the SCIM client reads it: the stored attributes, the members (when loaded), meta.</summary>
public static class GroupRepresentation
{
    public static JsonObject ToScim(ScimGroup group, ResourceTypeDefinition type, IReadOnlyList<MemberView>? members, HttpRequest request)
    {
        var attributes = StoredAttributes.Visible(JsonNode.Parse(group.Attributes)!.AsObject(), type);
        var resource = new JsonObject
        {
            ["schemas"] = SchemasDeclaration.Of(attributes, type),
            ["id"] = group.Id.ToString(),
        };
        foreach (var (name, value) in attributes.ToList())
        {
            attributes.Remove(name);
            resource[name] = value;
        }
        if (members is not null)
        {
            resource["members"] = new JsonArray(members.Select(m => (JsonNode)new JsonObject
            {
                ["value"] = m.Id.ToString(),
                ["$ref"] = ResourceLocation.For(request, m.Type == MemberTypes.Group ? "/Groups" : "/Users", m.Id),
                ["display"] = m.Display,
                ["type"] = m.Type,
            }).ToArray());
        }
        resource["meta"] = Meta.Create("Group", group.Created, group.LastModified, ResourceLocation.For(request, "/Groups", group.Id), group.Version);
        return resource;
    }
}
