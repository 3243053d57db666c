using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// add and replace without a path (RFC 7644 §3.5.2.1 and §3.5.2.3): the value is a partial resource
/// whose keys are attribute names, dotted sub-attributes (<c>name.givenName</c>), URN-qualified names
/// or a whole extension object. Okta sends <c>{"op":"replace","value":{"active":false}}</c> this way,
/// and renames groups with <c>{"id": …, "displayName": …}</c>: read-only keys are ignored, as in a PUT.
/// </summary>
internal static class NoPathOperations
{
    public static void Apply(PatchDocument document, PatchOperationKind kind, JsonNode? value)
    {
        if (value is not JsonObject attributes)
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax,
                "Without a 'path', 'value' must be an object of attributes, such as {\"active\": false}.");
        }
        var type = document.Type;
        foreach (var (key, attributeValue) in attributes)
        {
            if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            var resolved = AttributeKey.Resolve(type, key, allowSubAttribute: true);
            if (resolved is null)
            {
                if (IsKnownAttributeWithUnknownSub(type, key))
                {
                    throw ScimProtocolException.BadRequest(ScimType.InvalidPath, $"Unknown attribute '{key}' for a {type.Name}.");
                }
                document.Undeclared.FoundKey(key, attributeValue, ScimType.InvalidPath);
            }
            else if (resolved.Attribute is not null)
            {
                ApplyKey(document, kind, resolved.Schema, resolved.Attribute, resolved.SubAttribute, attributeValue);
            }
            else if (attributeValue is JsonObject extension)
            {
                foreach (var (name, extensionValue) in extension)
                {
                    if (resolved.Schema.FindAttribute(name) is { } attribute)
                    {
                        ApplyKey(document, kind, resolved.Schema, attribute, null, extensionValue);
                    }
                    else
                    {
                        document.Undeclared.Found($"{resolved.Schema.Id}:{name}", extensionValue, ScimType.InvalidPath);
                    }
                }
            }
            else if (attributeValue is null)
            {
                document.Attributes.Remove(resolved.Schema.Id); // null unassigns, here every attribute of the extension
            }
            else
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"'{resolved.Schema.Id}' must be an object of extension attributes.");
            }
        }
    }

    /// <summary><c>name.nickname</c>: the attribute exists, its sub-attribute does not. That is a wrong key, not an undeclared attribute.</summary>
    private static bool IsKnownAttributeWithUnknownSub(ResourceTypeDefinition type, string key)
    {
        var dot = key.IndexOf('.');
        return dot > 0 && AttributeKey.Resolve(type, key[..dot], allowSubAttribute: false) is { Attribute: not null };
    }

    private static void ApplyKey(PatchDocument document, PatchOperationKind kind, SchemaDefinition schema,
        AttributeDefinition attribute, AttributeDefinition? sub, JsonNode? value)
    {
        if (attribute.Mutability == Mutability.ReadOnly || sub?.Mutability == Mutability.ReadOnly)
        {
            return;
        }
        var path = ResourceNormalizer.PathOf(document.Type, schema, attribute) + (sub is null ? "" : "." + sub.Name);
        document.Apply(kind, PatchTarget.For(document.Type, schema, attribute, null, sub, path), value);
    }
}
