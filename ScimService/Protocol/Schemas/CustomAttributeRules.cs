using Provisioning.Contracts;
using Provisioning.ScimService.Protocol.Filtering;

namespace Provisioning.ScimService.Protocol.Schemas;

/// <summary>What a custom attribute declaration may be. PolicyService keeps the declarations; these rules are the protocol's.</summary>
public static class CustomAttributeRules
{
    public const int MaxPerConnection = 100;

    /// <summary>ATTRNAME = ALPHA *(nameChar) (RFC 7643 §2.1), without <c>$ref</c>.</summary>
    public static bool IsName(string? name) => name is { Length: > 0 and <= 64 } && name[0] != '$' && AttributePathSyntax.IsName(name);

    /// <summary>An extension URN a declaration may use: not one of the RFC schemas, whose attributes are fixed.</summary>
    public static bool IsExtensionUrn(string? urn) =>
        urn is { Length: > 4 and <= 200 }
        && urn.StartsWith("urn:", StringComparison.OrdinalIgnoreCase)
        && !urn.EndsWith(':')
        && urn.All(c => c > ' ' && c < 127 && c is not ('"' or '[' or ']' or '(' or ')'))
        && ResourceTypes.AllSchemas.All(s => !string.Equals(s.Id, urn, StringComparison.OrdinalIgnoreCase));

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
        if (ResourceTypes.All.FirstOrDefault(t => string.Equals(t.Name, declaration.ResourceType, StringComparison.OrdinalIgnoreCase)) is not { } type)
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
        if (string.Equals(declaration.SchemaUrn, type.Schema.Id, StringComparison.OrdinalIgnoreCase))
        {
            return type.Schema.FindAttribute(declaration.Name) is not null || AttributeResolver.CommonAttributeNamed(declaration.Name) is not null
                ? $"'{declaration.Name}' is already a {type.Name} attribute of SCIM: it needs no declaration."
                : null;
        }
        return IsExtensionUrn(declaration.SchemaUrn)
            ? null
            : $"The schema must be '{type.Schema.Id}' or an extension URN such as 'urn:ietf:params:scim:schemas:extension:CustomExtension:2.0:{type.Name}' (the enterprise extension's attributes are fixed).";
    }
}
