using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// The stored document as the connection's current declarations see it. Declarations change after
/// values were stored: a value whose attribute is no longer declared, or that no longer fits its
/// declaration (another type, single- instead of multi-valued), is left out of what is returned and
/// patched, and the next write by the IdP drops it. A singular value declared multi-valued becomes a
/// one-value list. RFC attributes were checked when written and are passed through untouched.
/// </summary>
public static class StoredAttributes
{
    public static JsonObject Visible(JsonObject stored, ResourceTypeDefinition type)
    {
        var visible = new JsonObject();
        foreach (var (key, value) in stored)
        {
            if (type.FindSchema(key) is { } extension && extension != type.Schema)
            {
                if (value is JsonObject values && Fit(values, extension, type, prefix: extension.Id + ":") is { Count: > 0 } kept)
                {
                    visible[extension.Id] = kept;
                }
            }
            else if (AttributeKey.FindAttribute(type, type.Schema, key) is { } attribute && Fitting(attribute, value, key) is { } fitting)
            {
                visible[attribute.Name] = fitting;
            }
        }
        return visible;
    }

    /// <summary>
    /// The same, read straight from the stored JSON for a response (no document is built): each visible value
    /// with the schema it belongs to, an extension's values one after another, in stored order.
    /// </summary>
    public static List<VisibleValue> Visible(JsonElement stored, ResourceTypeDefinition type)
    {
        var visible = new List<VisibleValue>();
        foreach (var property in stored.EnumerateObject())
        {
            if (type.FindSchema(property.Name) is { } extension && extension != type.Schema)
            {
                if (property.Value.ValueKind != JsonValueKind.Object)
                {
                    continue;
                }
                foreach (var value in property.Value.EnumerateObject())
                {
                    if (extension.FindAttribute(value.Name) is { } attribute && Fitting(attribute, value.Value, extension.Id + ":" + value.Name) is { } fitting)
                    {
                        visible.Add(new VisibleValue(extension, attribute, fitting));
                    }
                }
            }
            else if (AttributeKey.FindAttribute(type, type.Schema, property.Name) is { } attribute && Fitting(attribute, property.Value, property.Name) is { } fitting)
            {
                visible.Add(new VisibleValue(type.Schema, attribute, fitting));
            }
        }
        return visible;
    }

    private static JsonObject Fit(JsonObject values, SchemaDefinition schema, ResourceTypeDefinition type, string prefix)
    {
        var kept = new JsonObject();
        foreach (var (name, value) in values)
        {
            if (schema.FindAttribute(name) is { } attribute && Fitting(attribute, value, prefix + name) is { } fitting)
            {
                kept[attribute.Name] = fitting;
            }
        }
        return kept;
    }

    /// <summary>A stored JSON null is no value: it is left out, as the document form leaves it out.</summary>
    private static JsonElement? Fitting(AttributeDefinition attribute, JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (!attribute.Custom)
        {
            return value;
        }
        return Fitting(attribute, JsonSerializer.SerializeToNode(value), path) is { } fitting ? JsonSerializer.SerializeToElement(fitting) : null;
    }

    private static JsonNode? Fitting(AttributeDefinition attribute, JsonNode? value, string path)
    {
        if (!attribute.Custom)
        {
            return value?.DeepClone();
        }
        if (!attribute.MultiValued && value is JsonArray)
        {
            return null; // A list does not fit a single value: which one would it be?
        }
        try
        {
            return ValueNormalizer.Normalize(attribute, value?.DeepClone(), path);
        }
        catch (ScimProtocolException)
        {
            return null;
        }
    }
}

/// <summary>A value a response shows: a core attribute's (<see cref="Schema"/> is the core schema) or an extension's.</summary>
public readonly record struct VisibleValue(SchemaDefinition Schema, AttributeDefinition Attribute, JsonElement Value);
