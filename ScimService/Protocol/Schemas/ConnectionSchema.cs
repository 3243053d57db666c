using Provisioning.Contracts;

namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>
/// The resource types as one connection sees them: the RFC schemas plus the custom attributes its
/// admin declared. Core-namespace declarations (Okta's default) join the core schema; the others form
/// extension schemas (RFC 7643 §3.3), one per URN, listed in the resource type's schemaExtensions.
/// </summary>
public sealed record ConnectionSchema(ResourceTypeDefinition User, ResourceTypeDefinition Group)
{
    /// <summary>The RFC schemas alone, refusing anything else: what a connection without declarations under Refuse sees.</summary>
    public static readonly ConnectionSchema Standard = new(ResourceTypes.User, ResourceTypes.Group);

    public IReadOnlyList<ResourceTypeDefinition> All => [User, Group];

    public IEnumerable<SchemaDefinition> AllSchemas => All.SelectMany(t => t.AllSchemas);

    public ResourceTypeDefinition? FindType(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    public SchemaDefinition? FindSchema(string id) =>
        AllSchemas.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>Builds a connection's view. The declarations were validated when saved (<see cref="CustomAttributeRules"/>);
    /// one that still does not fit (a name the RFC schema has) is skipped rather than shadowing the built-in attribute.</summary>
    public static ConnectionSchema Build(IReadOnlyList<CustomAttributeDto>? declarations, UndeclaredAttributePolicy undeclared) => new(
        Extend(ResourceTypes.User, declarations ?? [], undeclared),
        Extend(ResourceTypes.Group, declarations ?? [], undeclared));

    private static ResourceTypeDefinition Extend(ResourceTypeDefinition type, IReadOnlyList<CustomAttributeDto> declarations, UndeclaredAttributePolicy undeclared)
    {
        var own = declarations
            .Where(d => string.Equals(d.ResourceType, type.Name, StringComparison.OrdinalIgnoreCase) && CustomAttributeRules.IsName(d.Name))
            .ToList();
        var core = own.Where(d => string.Equals(d.SchemaUrn, type.Schema.Id, StringComparison.OrdinalIgnoreCase))
            .Where(d => type.Schema.FindAttribute(d.Name) is null && AttributeResolver.CommonAttributeNamed(d.Name) is null)
            .Select(Definition)
            .DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var extensions = own.Where(d => CustomAttributeRules.IsExtensionUrn(d.SchemaUrn) && type.FindSchema(d.SchemaUrn) is null)
            .GroupBy(d => d.SchemaUrn, StringComparer.OrdinalIgnoreCase)
            .Select(g => new SchemaExtension(new SchemaDefinition(g.First().SchemaUrn, SchemaName(g.First().SchemaUrn),
                $"Custom {type.Name} attributes declared for this connection.",
                g.Select(Definition).DistinctBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList()), Required: false));
        var schema = core.Count == 0 ? type.Schema : type.Schema with { Attributes = [.. type.Schema.Attributes, .. core] };
        return type with { Schema = schema, Extensions = [.. type.Extensions, .. extensions], Undeclared = undeclared };
    }

    private static AttributeDefinition Definition(CustomAttributeDto declaration) => new(
        declaration.Name,
        declaration.Type switch
        {
            CustomAttributeType.Boolean => AttributeType.Boolean,
            CustomAttributeType.Integer => AttributeType.Integer,
            CustomAttributeType.Decimal => AttributeType.Decimal,
            CustomAttributeType.DateTime => AttributeType.DateTime,
            _ => AttributeType.String,
        },
        MultiValued: declaration.MultiValued,
        CaseExact: declaration.CaseExact,
        Description: "A custom attribute declared for this connection.",
        Custom: true);

    /// <summary>urn:…:CustomExtension:2.0:User → CustomExtension.</summary>
    private static string SchemaName(string urn)
    {
        var parts = urn.Split(':');
        return parts.Length >= 3 && parts[^2] == "2.0" ? parts[^3] : parts[^1];
    }
}
