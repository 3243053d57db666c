using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// What a request's <c>attributes</c> and <c>excludedAttributes</c> (RFC 7644 §3.4.2.5) leave in a response,
/// asked before the response is read: <see cref="ResourceWriter"/> applies the same selection while it writes.
/// </summary>
public static class AttributeProjection
{
    /// <summary>
    /// Whether a core attribute appears in the response at all: lets the endpoint skip loading group
    /// <c>members</c> when a client (Entra does) asks for <c>excludedAttributes=members</c>.
    /// </summary>
    public static bool Includes(ResourceTypeDefinition type, string attributeName,
        IReadOnlyList<AttributePath>? attributes, IReadOnlyList<AttributePath>? excludedAttributes) =>
        AttributeKey.FindAttribute(type, type.Schema, attributeName) is { } attribute
        && new AttributeSelection(type, attributes, excludedAttributes).Decide(type.Schema, attribute) is not null;
}
