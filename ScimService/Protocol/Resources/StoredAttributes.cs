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
