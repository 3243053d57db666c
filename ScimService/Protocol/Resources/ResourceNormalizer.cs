using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// Turns the body of a POST or PUT into storage form (see <see cref="NormalizedResource"/>), or refuses it
/// with the SCIM error a client can act on. The PATCH engine runs its result through here too, so a PATCH
/// cannot store what a PUT could not.
/// </summary>
public static class ResourceNormalizer
{
    private static readonly AttributeDefinition Password = UserSchema.Definition.FindAttribute("password")!;

    public static NormalizedResource Normalize(JsonObject body, ResourceTypeDefinition type) =>
        Normalize(body, type, new UndeclaredAttributes(type));

    internal static NormalizedResource Normalize(JsonObject body, ResourceTypeDefinition type, UndeclaredAttributes undeclared)
    {
        var reading = new Reading(type);
        foreach (var (key, value) in body)
        {
            if (key.Equals("schemas", StringComparison.OrdinalIgnoreCase))
            {
                SchemasDeclaration.Check(value, type, body);
                continue;
            }
            var resolved = AttributeKey.Resolve(type, key, allowSubAttribute: false);
            if (resolved is null)
            {
                undeclared.FoundKey(key, value, ScimType.InvalidSyntax);
            }
            else if (resolved.Attribute is not null)
            {
                reading.Assign(resolved.Schema, resolved.Attribute, value);
            }
            else if (value is JsonObject extension)
            {
                foreach (var (name, extensionValue) in extension)
                {
                    if (resolved.Schema.FindAttribute(name) is { } attribute)
                    {
                        reading.Assign(resolved.Schema, attribute, extensionValue);
                    }
                    else
                    {
                        undeclared.Found($"{resolved.Schema.Id}:{name}", extensionValue, ScimType.InvalidSyntax);
                    }
                }
            }
            else if (value is not null)
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"'{resolved.Schema.Id}' must be an object of extension attributes.");
            }
        }
        CheckRequired(reading.Attributes, type);
        return new NormalizedResource(reading.Attributes, reading.Password, reading.Members) { NotKept = undeclared.NotKept };
    }

    /// <summary>The clear-text password, which the caller hashes and never stores in the attributes.</summary>
    public static bool IsPassword(AttributeDefinition attribute) => ReferenceEquals(attribute, Password);

    /// <summary>How error details name an attribute: <c>userName</c>, or <c>urn:…:enterprise:2.0:User:department</c>.</summary>
    public static string PathOf(ResourceTypeDefinition type, SchemaDefinition schema, AttributeDefinition attribute) =>
        schema == type.Schema ? attribute.Name : $"{schema.Id}:{attribute.Name}";

    public static string ReadPassword(JsonNode value) =>
        value is JsonValue v && v.TryGetValue(out string? password) && password.Length is > 0 and <= ValueNormalizer.MaxStringBytes
            ? password
            : throw ScimProtocolException.BadRequest(ScimType.InvalidValue, "'password' must be a non-empty string of at most 16 KiB.");

    /// <summary>userName of a User and displayName of a Group (RFC 7643 §4): present and not blank.</summary>
    private static void CheckRequired(JsonObject attributes, ResourceTypeDefinition type)
    {
        foreach (var attribute in type.Schema.Attributes.Where(a => a.Required))
        {
            var value = attributes[attribute.Name];
            if (value is null || (value is JsonValue v && v.TryGetValue(out string? text) && string.IsNullOrWhiteSpace(text)))
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidValue, $"A {type.Name} needs a non-empty '{attribute.Name}'.");
            }
        }
    }

    private sealed class Reading(ResourceTypeDefinition type)
    {
        private readonly HashSet<string> _seen = [];

        public JsonObject Attributes { get; } = [];
        public string? Password { get; private set; }
        public IReadOnlyList<MemberReference>? Members { get; private set; }

        public void Assign(SchemaDefinition schema, AttributeDefinition attribute, JsonNode? value)
        {
            var path = PathOf(type, schema, attribute);
            if (!_seen.Add(path))
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"'{path}' appears more than once.");
            }
            if (attribute.Mutability == Mutability.ReadOnly)
            {
                return; // id, meta, groups: the server's to set, ignored (RFC 7643 §2.2).
            }
            if (IsPassword(attribute))
            {
                Password = value is null ? null : ReadPassword(value);
            }
            else if (MemberReferences.IsGroupMembers(attribute))
            {
                Members = MemberReferences.Parse(value);
            }
            else if (ValueNormalizer.Normalize(attribute, value, path) is { } normalized)
            {
                Container(schema)[attribute.Name] = normalized;
            }
        }

        private JsonObject Container(SchemaDefinition schema)
        {
            if (schema == type.Schema)
            {
                return Attributes;
            }
            if (Attributes[schema.Id] is not JsonObject extension)
            {
                Attributes[schema.Id] = extension = [];
            }
            return extension;
        }
    }
}
