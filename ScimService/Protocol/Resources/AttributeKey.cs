using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>What a key of a resource body or of a PATCH value names: a whole extension
/// (<see cref="Attribute"/> is null), an attribute, or a sub-attribute of one.</summary>
public sealed record AttributeKey(SchemaDefinition Schema, AttributeDefinition? Attribute, AttributeDefinition? SubAttribute)
{
    /// <summary>
    /// Resolves <c>userName</c>, <c>name.givenName</c> (when <paramref name="allowSubAttribute"/>),
    /// <c>urn:…:enterprise:2.0:User</c> and <c>urn:…:enterprise:2.0:User:department</c>, all case-insensitively.
    /// Null when the key names nothing the resource type has.
    /// </summary>
    public static AttributeKey? Resolve(ResourceTypeDefinition type, string key, bool allowSubAttribute)
    {
        if (type.FindSchema(key) is { } whole)
        {
            return whole == type.Schema ? null : new AttributeKey(whole, null, null);
        }
        var schema = type.Schema;
        var name = key;
        foreach (var candidate in type.AllSchemas)
        {
            if (key.Length > candidate.Id.Length + 1 && key.StartsWith(candidate.Id + ":", StringComparison.OrdinalIgnoreCase))
            {
                schema = candidate;
                name = key[(candidate.Id.Length + 1)..];
                break;
            }
        }
        string? subName = null;
        if (allowSubAttribute && name.IndexOf('.') is var dot and > 0)
        {
            subName = name[(dot + 1)..];
            name = name[..dot];
        }
        var attribute = FindAttribute(type, schema, name);
        if (attribute is null)
        {
            return null;
        }
        if (subName is null)
        {
            return new AttributeKey(schema, attribute, null);
        }
        return attribute.FindSubAttribute(subName) is { } sub ? new AttributeKey(schema, attribute, sub) : null;
    }

    /// <summary>An attribute of <paramref name="schema"/>; for the core schema also id, externalId, meta and
    /// schemas, which every resource has at its top level (RFC 7643 §3.1).</summary>
    public static AttributeDefinition? FindAttribute(ResourceTypeDefinition type, SchemaDefinition schema, string name) =>
        (schema == type.Schema ? AttributeResolver.CommonAttributeNamed(name) : null) ?? schema.FindAttribute(name);

    /// <summary>
    /// The schema an attribute name without URN belongs to, found as <see cref="AttributeResolver"/> finds it
    /// for paths: the common attributes, then the core schema, then the extensions.
    /// </summary>
    public static SchemaDefinition? SchemaOf(ResourceTypeDefinition type, string name) =>
        type.AllSchemas.FirstOrDefault(schema => FindAttribute(type, schema, name) is not null);
}
