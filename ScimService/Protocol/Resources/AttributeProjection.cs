using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// Cuts a full SCIM representation down to what a request asked for: <c>attributes</c> and
/// <c>excludedAttributes</c> (RFC 7644 §3.4.2.5) under the <c>returned</c> rules of RFC 7643 §2.4.
/// <c>schemas</c> and <c>id</c> are always returned, <c>password</c> never.
/// </summary>
public static class AttributeProjection
{
    public static JsonObject Project(JsonObject resource, ResourceTypeDefinition type,
        IReadOnlyList<AttributePath>? attributes, IReadOnlyList<AttributePath>? excludedAttributes)
    {
        var selection = new AttributeSelection(type, attributes, excludedAttributes);
        var result = new JsonObject();
        foreach (var (key, value) in resource)
        {
            if (key == "schemas")
            {
                result[key] = value?.DeepClone();
            }
            else if (type.FindSchema(key) is { } extension && extension != type.Schema)
            {
                if (value is JsonObject extensionValues && ProjectAll(extensionValues, extension, selection) is { Count: > 0 } kept)
                {
                    result[key] = kept;
                }
            }
            else if (AttributeKey.FindAttribute(type, type.Schema, key) is { } attribute)
            {
                if (selection.Decide(type.Schema, attribute) is { } keepSub && value is not null)
                {
                    result[key] = ProjectValue(attribute, value, keepSub);
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Whether a core attribute appears in the response at all: lets the endpoint skip loading group
    /// <c>members</c> when a client (Entra does) asks for <c>excludedAttributes=members</c>.
    /// </summary>
    public static bool Includes(ResourceTypeDefinition type, string attributeName,
        IReadOnlyList<AttributePath>? attributes, IReadOnlyList<AttributePath>? excludedAttributes) =>
        AttributeKey.FindAttribute(type, type.Schema, attributeName) is { } attribute
        && new AttributeSelection(type, attributes, excludedAttributes).Decide(type.Schema, attribute) is not null;

    private static JsonObject ProjectAll(JsonObject values, SchemaDefinition schema, AttributeSelection selection)
    {
        var result = new JsonObject();
        foreach (var (key, value) in values)
        {
            if (schema.FindAttribute(key) is { } attribute && value is not null && selection.Decide(schema, attribute) is { } keepSub)
            {
                result[key] = ProjectValue(attribute, value, keepSub);
            }
        }
        return result;
    }

    private static JsonNode ProjectValue(AttributeDefinition attribute, JsonNode value, Func<AttributeDefinition, bool> keepSub) =>
        (attribute.Type, value) switch
        {
            (AttributeType.Complex, JsonArray elements) => new JsonArray(elements.Select(e => e is null ? null : ProjectValue(attribute, e, keepSub)).ToArray()),
            (AttributeType.Complex, JsonObject complex) => ProjectComplex(attribute, complex, keepSub),
            _ => value.DeepClone(),
        };

    private static JsonObject ProjectComplex(AttributeDefinition attribute, JsonObject complex, Func<AttributeDefinition, bool> keepSub)
    {
        var result = new JsonObject();
        foreach (var (key, value) in complex)
        {
            if (attribute.FindSubAttribute(key) is { } sub && keepSub(sub))
            {
                result[key] = value?.DeepClone();
            }
        }
        return result;
    }
}
