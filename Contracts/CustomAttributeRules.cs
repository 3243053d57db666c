namespace Provisioning.Contracts;

/// <summary>
/// What a custom attribute declaration may be: PolicyService checks them before saving, ScimService
/// builds each connection's schema from them. The RFC names below are pinned against ScimService's
/// schema definitions by a unit test.
/// </summary>
public static class CustomAttributeRules
{
    public const int MaxPerConnection = 100;

    public const string CoreUserSchema = "urn:ietf:params:scim:schemas:core:2.0:User";
    public const string CoreGroupSchema = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public const string EnterpriseUserSchema = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The resource types and their core schema.</summary>
    public static readonly IReadOnlyDictionary<string, string> CoreSchemas = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["User"] = CoreUserSchema,
        ["Group"] = CoreGroupSchema,
    };

    /// <summary>Attributes every resource has (RFC 7643 §3.1) and those of the core schemas (§4.1, §4.2): they need no declaration.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> BuiltInNames = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["User"] =
        [
            "id", "externalId", "meta", "schemas", "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType",
            "preferredLanguage", "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
            "groups", "entitlements", "roles", "x509Certificates",
        ],
        ["Group"] = ["id", "externalId", "meta", "schemas", "displayName", "members"],
    };

    /// <summary>ATTRNAME = ALPHA *(nameChar) (RFC 7643 §2.1), at most 64 characters.</summary>
    public static bool IsName(string? name) =>
        name is { Length: > 0 and <= 64 }
        && char.IsAsciiLetter(name[0])
        && name.Skip(1).All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>An extension URN a declaration may use: not one of the RFC schemas, whose attributes are fixed.</summary>
    public static bool IsExtensionUrn(string? urn) =>
        urn is { Length: > 4 and <= 200 }
        && urn.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
        && !urn.EndsWith(':')
        && urn.All(c => c > ' ' && c < 127 && c is not ('"' or '[' or ']' or '(' or ')'))
        && !new[] { CoreUserSchema, CoreGroupSchema, EnterpriseUserSchema }.Contains(urn, StringComparer.OrdinalIgnoreCase);

    /// <summary>Field → messages for what is wrong with a whole set of declarations; empty when it is fine.</summary>
    public static Dictionary<string, string[]> Validate(IReadOnlyList<CustomAttributeDto>? declarations)
    {
        var errors = new Dictionary<string, string[]>();
        if (declarations is null)
        {
            errors["attributes"] = ["A list of attributes is required (an empty list removes them all)."];
            return errors;
        }
        if (declarations.Count > MaxPerConnection)
        {
            errors["attributes"] = [$"At most {MaxPerConnection} custom attributes can be declared per connection."];
            return errors;
        }
        for (var i = 0; i < declarations.Count; i++)
        {
            if (Problem(declarations[i]) is { } problem)
            {
                errors[$"attributes[{i}]"] = [problem];
            }
        }
        if (errors.Count > 0)
        {
            return errors;
        }
        foreach (var twice in declarations.GroupBy(d => (d.ResourceType.ToLowerInvariant(), d.SchemaUrn.ToLowerInvariant(), d.Name.ToLowerInvariant())).Where(g => g.Count() > 1))
        {
            errors["attributes"] = [$"'{twice.First().Name}' is declared twice in '{twice.First().SchemaUrn}'."];
        }
        foreach (var shared in declarations.Where(d => IsExtensionUrn(d.SchemaUrn))
            .GroupBy(d => d.SchemaUrn, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Select(d => d.ResourceType.ToLowerInvariant()).Distinct().Count() > 1))
        {
            errors["attributes"] = [$"'{shared.Key}' is used for both Users and Groups: an extension schema extends one resource type."];
        }
        return errors;
    }

    private static string? Problem(CustomAttributeDto declaration)
    {
        if (declaration.ResourceType is null || !CoreSchemas.TryGetValue(declaration.ResourceType, out var core))
        {
            return "The resource type must be User or Group.";
        }
        if (!IsName(declaration.Name))
        {
            return $"'{declaration.Name}' is not an attribute name: start with a letter, then letters, digits, '-' or '_' (at most 64).";
        }
        if (!Enum.IsDefined(declaration.Type))
        {
            return $"The type must be one of: {string.Join(", ", Enum.GetNames<CustomAttributeType>())}.";
        }
        var type = declaration.ResourceType;
        if (string.Equals(declaration.SchemaUrn, core, StringComparison.OrdinalIgnoreCase))
        {
            return BuiltInNames[type].Contains(declaration.Name, StringComparer.OrdinalIgnoreCase)
                ? $"'{declaration.Name}' is already a {type} attribute of SCIM: it needs no declaration."
                : null;
        }
        return IsExtensionUrn(declaration.SchemaUrn)
            ? null
            : $"The schema must be '{core}' or an extension URN such as 'urn:ietf:params:scim:schemas:extension:CustomExtension:2.0:{type}' (the enterprise extension's attributes are fixed).";
    }
}
