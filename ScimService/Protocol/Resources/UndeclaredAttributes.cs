using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>An attribute a request sent that none of the connection's schemas has, with the value it carried.</summary>
public sealed record UndeclaredAttribute(string Path, JsonNode? Value);

/// <summary>
/// Meets the attributes of one request that no schema of the connection has. By default they are
/// accepted and not kept, and reported for the provisioning log: an IdP does not retry a 400, so one
/// stray mapping would otherwise stop every create and update of an organization. A connection can
/// choose to refuse them instead.
/// </summary>
internal sealed class UndeclaredAttributes(ResourceTypeDefinition type)
{
    private readonly List<UndeclaredAttribute> _notKept = [];

    public IReadOnlyList<UndeclaredAttribute> NotKept => _notKept;

    /// <param name="scimType">invalidSyntax in a body, invalidPath in a PATCH (RFC 7644 §3.5.2).</param>
    public void Found(string path, JsonNode? value, string scimType)
    {
        if (type.Undeclared == UndeclaredAttributePolicy.Refuse)
        {
            throw ScimProtocolException.BadRequest(scimType, $"Unknown attribute '{path}' for a {type.Name}. "
                + "It is not declared for this connection: an admin can declare it on the Admin UI's Custom attributes page.");
        }
        _notKept.Add(new UndeclaredAttribute(path, value?.DeepClone()));
    }

    /// <summary>
    /// A key that names nothing the type has: <c>costCenter</c>, <c>urn:…:CustomExtension:2.0:User:costCenter</c>,
    /// or a whole unknown extension <c>urn:…:CustomExtension:2.0:User</c> with an object of attributes.
    /// </summary>
    public void FoundKey(string key, JsonNode? value, string scimType)
    {
        if (value is JsonObject extension && key.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) && type.Undeclared == UndeclaredAttributePolicy.Ignore)
        {
            foreach (var (name, inner) in extension)
            {
                Found($"{key}:{name}", inner, scimType);
            }
            return;
        }
        Found(key, value, scimType);
    }
}
