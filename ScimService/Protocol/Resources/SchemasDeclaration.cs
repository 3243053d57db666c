using System.Text.Json.Nodes;
using Provisioning.Contracts;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>The <c>schemas</c> of a resource (RFC 7643 §3) as a POST or PUT body declares them (<see cref="ResourceWriter"/> declares them on a response).</summary>
public static class SchemasDeclaration
{
    /// <summary>
    /// Entra names this schema beside the core Group schema when it creates a group (Microsoft's SCIM
    /// reference, "Create Group"); it defines no attribute we keep, so it is accepted and ignored.
    /// </summary>
    private const string EntraGroupMarker = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";

    /// <summary>
    /// When present, <c>schemas</c> must list the core schema and may list the type's extensions.
    /// When absent the body is accepted anyway: some clients leave it out, and the attributes say enough.
    /// </summary>
    /// <param name="body">The body: an undeclared extension it carries attributes of is left for those attributes to name.</param>
    public static void Check(JsonNode? schemas, ResourceTypeDefinition type, JsonObject? body = null)
    {
        if (schemas is null)
        {
            return;
        }
        if (schemas is not JsonArray array || array.Any(s => s is not JsonValue v || !v.TryGetValue(out string? _)))
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax,
                $"'schemas' must be an array of schema URNs, such as [\"{type.Schema.Id}\"].");
        }
        var urns = array.Select(s => s!.GetValue<string>()).ToList();
        foreach (var urn in urns)
        {
            // A connection that ignores undeclared attributes ignores their extension's URN too (Okta lists it).
            var undeclaredExtension = urn.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
                && (type.Undeclared == UndeclaredAttributePolicy.Ignore || body?.Any(p => p.Key.Equals(urn, StringComparison.OrdinalIgnoreCase)) == true);
            if (type.FindSchema(urn) is null && !undeclaredExtension && !urn.Equals(EntraGroupMarker, StringComparison.OrdinalIgnoreCase))
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidValue,
                    $"'schemas' lists '{urn}', which is neither the {type.Name} schema nor one of its extensions.");
            }
        }
        if (!urns.Any(u => u.Equals(type.Schema.Id, StringComparison.OrdinalIgnoreCase)))
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax,
                $"'schemas' must contain the {type.Name} schema '{type.Schema.Id}'.");
        }
    }
}
