using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// Where an operation applies: an attribute, optionally the elements of a multi-valued attribute that
/// match <see cref="Filter"/>, optionally one <see cref="SubAttribute"/> of it or of them.
/// </summary>
/// <param name="Path">How error details name the target.</param>
internal sealed record PatchTarget(SchemaDefinition Schema, bool InExtension, AttributeDefinition Attribute,
    FilterNode? Filter, AttributeDefinition? SubAttribute, string Path)
{
    public static PatchTarget For(ResourceTypeDefinition type, SchemaDefinition schema, AttributeDefinition attribute,
        FilterNode? filter, AttributeDefinition? subAttribute, string path) =>
        new(schema, schema != type.Schema, attribute, filter, subAttribute, path);

    /// <summary>
    /// Resolves a PATCH path. Unknown attributes and malformed paths are 400 invalidPath; a filter on a
    /// singular attribute, or a sub-attribute both inside and after the brackets, too.
    /// </summary>
    public static PatchTarget Resolve(ResourceTypeDefinition type, string path)
    {
        var parsed = FilterParser.ParsePatchPath(path);
        var resolved = AttributeResolver.Resolve(type, parsed.Attribute);
        if (resolved.IsCommon && resolved.Attribute.Name == CommonAttributes.Schemas.Name)
        {
            throw ScimProtocolException.BadRequest(ScimType.Mutability, "'schemas' is set by the server and cannot be patched.");
        }
        if (parsed.ValueFilter is null)
        {
            return For(type, resolved.Schema, resolved.Attribute, null, resolved.SubAttribute, path);
        }
        if (!resolved.Attribute.MultiValued || resolved.Attribute.Type != AttributeType.Complex || resolved.SubAttribute is not null)
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidPath,
                $"'{path}': a value filter [...] follows a multi-valued complex attribute, as in emails[type eq \"work\"].value.");
        }
        var sub = parsed.SubAttribute is null ? null : resolved.Attribute.FindSubAttribute(parsed.SubAttribute)
            ?? throw ScimProtocolException.BadRequest(ScimType.InvalidPath,
                $"'{parsed.SubAttribute}' is not a sub-attribute of '{resolved.Attribute.Name}'. Its sub-attributes are: "
                + string.Join(", ", resolved.Attribute.SubAttributesOrEmpty.Select(a => a.Name)) + ".");
        return For(type, resolved.Schema, resolved.Attribute, parsed.ValueFilter, sub, path);
    }

    public bool IsReadOnly => Attribute.Mutability == Mutability.ReadOnly || SubAttribute?.Mutability == Mutability.ReadOnly;

    /// <summary>The object holding the attribute: the resource itself, or the object under an extension's URN.</summary>
    public JsonObject? Container(JsonObject attributes, bool create)
    {
        if (!InExtension)
        {
            return attributes;
        }
        if (attributes[Schema.Id] is JsonObject extension)
        {
            return extension;
        }
        if (!create)
        {
            return null;
        }
        attributes[Schema.Id] = extension = [];
        return extension;
    }

    public JsonNode? Value(JsonObject attributes) => Container(attributes, create: false)?[Attribute.Name];

    public void SetValue(JsonObject attributes, JsonNode? value)
    {
        if (value is not null)
        {
            Container(attributes, create: true)![Attribute.Name] = value;
        }
        else
        {
            Container(attributes, create: false)?.Remove(Attribute.Name);
        }
    }

    /// <summary>The elements of a multi-valued attribute, created empty when asked to.</summary>
    public JsonArray? Elements(JsonObject attributes, bool create)
    {
        if (Value(attributes) is JsonArray elements)
        {
            return elements;
        }
        if (!create)
        {
            return null;
        }
        elements = [];
        SetValue(attributes, elements);
        return elements;
    }
}
