using Provisioning.Contracts;

namespace Provisioning.ScimService.Protocol.Schemas;

public enum AttributeType { String, Boolean, Decimal, Integer, DateTime, Binary, Reference, Complex }

public enum Mutability { ReadOnly, ReadWrite, Immutable, WriteOnly }

public enum Returned { Always, Never, Default, Request }

public enum Uniqueness { None, Server, Global }

/// <summary>An attribute and its characteristics, as RFC 7643 §2.2 and §7 describe them.</summary>
/// <param name="Custom">Declared by an admin for one connection rather than defined by an RFC.</param>
public sealed record AttributeDefinition(
    string Name,
    AttributeType Type = AttributeType.String,
    bool MultiValued = false,
    bool Required = false,
    bool CaseExact = false,
    Mutability Mutability = Mutability.ReadWrite,
    Returned Returned = Returned.Default,
    Uniqueness Uniqueness = Uniqueness.None,
    string Description = "",
    IReadOnlyList<AttributeDefinition>? SubAttributes = null,
    IReadOnlyList<string>? CanonicalValues = null,
    IReadOnlyList<string>? ReferenceTypes = null,
    bool Custom = false)
{
    public IReadOnlyList<AttributeDefinition> SubAttributesOrEmpty => SubAttributes ?? [];

    /// <summary>Attribute names are case-insensitive (RFC 7643 §2.1).</summary>
    public AttributeDefinition? FindSubAttribute(string name) => Named(SubAttributesOrEmpty, name);

    /// <summary>A loop, not LINQ: schemas are looked up for every value of every response and filter.</summary>
    internal static AttributeDefinition? Named(IReadOnlyList<AttributeDefinition> attributes, string name)
    {
        for (var i = 0; i < attributes.Count; i++)
        {
            if (string.Equals(attributes[i].Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return attributes[i];
            }
        }
        return null;
    }
}

/// <summary>A schema: the core schema of a resource type, or an extension of it.</summary>
public sealed record SchemaDefinition(string Id, string Name, string Description, IReadOnlyList<AttributeDefinition> Attributes)
{
    public AttributeDefinition? FindAttribute(string name) => AttributeDefinition.Named(Attributes, name);
}

/// <summary>A resource type (RFC 7643 §6): its endpoint, core schema and extensions, as one connection sees it.</summary>
/// <param name="Undeclared">What an attribute that none of the schemas has does: refused (400), or ignored and reported.</param>
public sealed record ResourceTypeDefinition(
    string Name,
    string Endpoint,
    string Description,
    SchemaDefinition Schema,
    IReadOnlyList<SchemaExtension> Extensions,
    UndeclaredAttributePolicy Undeclared = UndeclaredAttributePolicy.Refuse)
{
    /// <summary>The core schema first, then the extensions.</summary>
    public IEnumerable<SchemaDefinition> AllSchemas => [Schema, .. Extensions.Select(e => e.Schema)];

    public SchemaDefinition? FindSchema(string urn)
    {
        if (string.Equals(Schema.Id, urn, StringComparison.OrdinalIgnoreCase))
        {
            return Schema;
        }
        foreach (var extension in Extensions)
        {
            if (string.Equals(extension.Schema.Id, urn, StringComparison.OrdinalIgnoreCase))
            {
                return extension.Schema;
            }
        }
        return null;
    }
}

public sealed record SchemaExtension(SchemaDefinition Schema, bool Required);
