using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// The <c>attributes</c> or <c>excludedAttributes</c> of a request (RFC 7644 §3.4.2.5), combined with each
/// attribute's <c>returned</c> characteristic (RFC 7643 §2.4) into one decision per attribute.
/// </summary>
internal sealed class AttributeSelection
{
    private readonly ResourceTypeDefinition _type;
    private readonly IReadOnlyList<AttributePath>? _attributes;
    private readonly IReadOnlyList<AttributePath> _excluded;

    /// <summary>The RFC makes the two parameters exclusive; when a client sends both, <c>attributes</c> wins
    /// because it is the narrower answer and returns nothing the client did not ask for.</summary>
    public AttributeSelection(ResourceTypeDefinition type, IReadOnlyList<AttributePath>? attributes, IReadOnlyList<AttributePath>? excluded)
    {
        _type = type;
        _attributes = attributes is { Count: > 0 } ? attributes : null;
        _excluded = _attributes is null ? excluded ?? [] : [];
    }

    /// <summary>Null when <paramref name="attribute"/> is left out; otherwise which of its sub-attributes are kept.</summary>
    public Func<AttributeDefinition, bool>? Decide(SchemaDefinition schema, AttributeDefinition attribute)
    {
        switch (attribute.Returned)
        {
            case Returned.Never:
                return null;
            case Returned.Always:
                return ReturnedByDefault;
        }
        if (_attributes is not null)
        {
            if (_attributes.Any(p => NamesWhole(p, schema, attribute)))
            {
                return ReturnedByDefault;
            }
            var named = SubAttributesNamed(_attributes, schema, attribute);
            return named.Count == 0 ? null : sub => sub.Returned == Returned.Always || (sub.Returned != Returned.Never && named.Contains(sub.Name));
        }
        if (attribute.Returned == Returned.Request || _excluded.Any(p => NamesWhole(p, schema, attribute)))
        {
            return null;
        }
        if (_excluded.Count == 0)
        {
            return ReturnedByDefault; // The common case, decided for every value of every response.
        }
        var excludedSubs = SubAttributesNamed(_excluded, schema, attribute);
        return sub => sub.Returned == Returned.Always || (ReturnedByDefault(sub) && !excludedSubs.Contains(sub.Name));
    }

    private static bool ReturnedByDefault(AttributeDefinition sub) => sub.Returned is Returned.Always or Returned.Default;

    /// <summary>The attribute itself, or the whole extension it belongs to (<c>urn:…:enterprise:2.0:User</c>).</summary>
    private bool NamesWhole(AttributePath path, SchemaDefinition schema, AttributeDefinition attribute) =>
        (schema != _type.Schema && path.ToString().Equals(schema.Id, StringComparison.OrdinalIgnoreCase))
        || (path.SubAttribute is null && NamesAttribute(path, schema, attribute));

    private HashSet<string> SubAttributesNamed(IEnumerable<AttributePath> paths, SchemaDefinition schema, AttributeDefinition attribute) =>
        paths.Where(p => p.SubAttribute is not null && NamesAttribute(p, schema, attribute))
            .Select(p => attribute.FindSubAttribute(p.SubAttribute!)?.Name)
            .OfType<string>()
            .ToHashSet();

    /// <summary>A path without URN names the attribute that PATCH paths and filters would resolve it to.
    /// Paths that name nothing are ignored: a client asking for an attribute we do not have gets the rest.</summary>
    private bool NamesAttribute(AttributePath path, SchemaDefinition schema, AttributeDefinition attribute) =>
        path.Name.Equals(attribute.Name, StringComparison.OrdinalIgnoreCase)
        && (path.SchemaUrn is null
            ? AttributeKey.SchemaOf(_type, path.Name) == schema
            : path.SchemaUrn.Equals(schema.Id, StringComparison.OrdinalIgnoreCase));
}
