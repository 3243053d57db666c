using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Discovery;

/// <summary>The /Schemas and /ResourceTypes representations (RFC 7643 §6–7), made from the same definitions the server validates with.</summary>
public static class SchemaDocuments
{
    public const string SchemaSchema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
    public const string ResourceTypeSchema = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    public static JsonObject Schema(SchemaDefinition schema, string location) => new()
    {
        ["schemas"] = new JsonArray(SchemaSchema),
        ["id"] = schema.Id,
        ["name"] = schema.Name,
        ["description"] = schema.Description,
        ["attributes"] = new JsonArray(schema.Attributes.Select(a => (JsonNode)Attribute(a)).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "Schema", ["location"] = location },
    };

    public static JsonObject ResourceType(ResourceTypeDefinition type, string location) => new()
    {
        ["schemas"] = new JsonArray(ResourceTypeSchema),
        ["id"] = type.Name,
        ["name"] = type.Name,
        ["endpoint"] = type.Endpoint,
        ["description"] = type.Description,
        ["schema"] = type.Schema.Id,
        ["schemaExtensions"] = new JsonArray(type.Extensions.Select(e => (JsonNode)new JsonObject
        {
            ["schema"] = e.Schema.Id,
            ["required"] = e.Required,
        }).ToArray()),
        ["meta"] = new JsonObject { ["resourceType"] = "ResourceType", ["location"] = location },
    };

    private static JsonObject Attribute(AttributeDefinition attribute)
    {
        var json = new JsonObject
        {
            ["name"] = attribute.Name,
            ["type"] = Camel(attribute.Type.ToString()),
            ["multiValued"] = attribute.MultiValued,
            ["description"] = attribute.Description,
            ["required"] = attribute.Required,
            ["caseExact"] = attribute.CaseExact,
            ["mutability"] = Camel(attribute.Mutability.ToString()),
            ["returned"] = Camel(attribute.Returned.ToString()),
            ["uniqueness"] = Camel(attribute.Uniqueness.ToString()),
        };
        if (attribute.CanonicalValues is { Count: > 0 } canonical)
        {
            json["canonicalValues"] = new JsonArray(canonical.Select(v => (JsonNode)v).ToArray());
        }
        if (attribute.ReferenceTypes is { Count: > 0 } references)
        {
            json["referenceTypes"] = new JsonArray(references.Select(v => (JsonNode)v).ToArray());
        }
        if (attribute.SubAttributes is { Count: > 0 } subAttributes)
        {
            json["subAttributes"] = new JsonArray(subAttributes.Select(a => (JsonNode)Attribute(a)).ToArray());
        }
        return json;
    }

    private static string Camel(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
