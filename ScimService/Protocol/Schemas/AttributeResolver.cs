using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>Where an attribute path leads: the schema, the attribute and, if named, its sub-attribute.</summary>
public sealed record ResolvedAttribute(SchemaDefinition Schema, AttributeDefinition Attribute, AttributeDefinition? SubAttribute)
{
    /// <summary>The attribute the path ends at: the sub-attribute when one is named.</summary>
    public AttributeDefinition Target => SubAttribute ?? Attribute;

    /// <summary>id, externalId, meta and schemas: attributes of every resource, outside any schema.</summary>
    public bool IsCommon => ReferenceEquals(AttributeResolver.CommonAttributeNamed(Attribute.Name), Attribute);
}

/// <summary>Resolves attribute paths against a resource type. Names are case-insensitive (RFC 7643 §2.1).</summary>
public static class AttributeResolver
{
    private static readonly AttributeDefinition[] Common =
        [CommonAttributes.Id, CommonAttributes.ExternalId, CommonAttributes.Meta, CommonAttributes.Schemas];

    /// <summary>
    /// Resolves <paramref name="path"/>. A path without a URN is looked up among the common
    /// attributes, then the core schema, then the extensions. The common attributes (id,
    /// externalId, meta, schemas) belong to no schema (RFC 7643 §3.1); they resolve with the
    /// core schema because they sit at the top level of the resource, as core attributes do,
    /// and a core-URN-qualified path (<c>urn:…:core:2.0:User:id</c>) reaches them too.
    /// </summary>
    /// <param name="scimType">The error type of the caller: invalidPath for PATCH paths, sortBy
    /// and attribute lists; invalidFilter for filters.</param>
    public static ResolvedAttribute Resolve(ResourceTypeDefinition type, AttributePath path, string scimType = ScimType.InvalidPath)
    {
        var (schema, attribute) = FindAttribute(type, path, scimType);
        if (path.SubAttribute is null)
        {
            return new ResolvedAttribute(schema, attribute, null);
        }
        if (attribute.Type != AttributeType.Complex)
        {
            throw ScimProtocolException.BadRequest(scimType,
                $"'{attribute.Name}' has no sub-attributes, so '{path}' does not exist.");
        }
        var sub = attribute.FindSubAttribute(path.SubAttribute) ?? throw ScimProtocolException.BadRequest(scimType,
            $"'{path.SubAttribute}' is not a sub-attribute of '{attribute.Name}'. Its sub-attributes are: "
            + string.Join(", ", attribute.SubAttributesOrEmpty.Select(a => a.Name)) + ".");
        return new ResolvedAttribute(schema, attribute, sub);
    }

    /// <summary>
    /// Whether the attribute of <paramref name="path"/> names nothing the type has: an unknown schema URN, or an
    /// unknown attribute name. A known attribute with an unknown sub-attribute is not undeclared: it is a wrong path.
    /// </summary>
    public static bool IsUndeclared(ResourceTypeDefinition type, AttributePath path)
    {
        if (path.SchemaUrn is not null)
        {
            var schema = type.FindSchema(path.SchemaUrn);
            return schema is null
                || ((ReferenceEquals(schema, type.Schema) ? CommonAttributeNamed(path.Name) : null) ?? schema.FindAttribute(path.Name)) is null;
        }
        return CommonAttributeNamed(path.Name) is null && type.AllSchemas.All(s => s.FindAttribute(path.Name) is null);
    }

    internal static AttributeDefinition? CommonAttributeNamed(string name) => AttributeDefinition.Named(Common, name);

    private static (SchemaDefinition, AttributeDefinition) FindAttribute(ResourceTypeDefinition type, AttributePath path, string scimType)
    {
        if (path.SchemaUrn is not null)
        {
            var schema = type.FindSchema(path.SchemaUrn) ?? throw ScimProtocolException.BadRequest(scimType,
                $"'{path.SchemaUrn}' is not a schema of the {type.Name} resource type.");
            var attribute = (ReferenceEquals(schema, type.Schema) ? CommonAttributeNamed(path.Name) : null) ?? schema.FindAttribute(path.Name);
            return attribute is null
                ? throw ScimProtocolException.BadRequest(scimType, $"'{path.Name}' is not an attribute of the schema '{schema.Id}'.")
                : (schema, attribute);
        }
        if (CommonAttributeNamed(path.Name) is { } common)
        {
            return (type.Schema, common);
        }
        foreach (var schema in type.AllSchemas)
        {
            if (schema.FindAttribute(path.Name) is { } attribute)
            {
                return (schema, attribute);
            }
        }
        throw ScimProtocolException.BadRequest(scimType, $"'{path.Name}' is not an attribute of the {type.Name} resource type.");
    }
}
