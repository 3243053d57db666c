using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// Checks one attribute value against its definition and brings it to storage form: canonical
/// sub-attribute names, JSON booleans, arrays for multi-valued attributes. String contents are kept
/// verbatim. Null means unassigned (RFC 7643 §2.5): null, empty arrays and empty objects all become null.
/// </summary>
public static class ValueNormalizer
{
    public const int MaxStringBytes = 16 * 1024;
    public const int MaxValuesPerAttribute = 100;

    private static readonly AttributeDefinition EnterpriseManager = EnterpriseUserSchema.Definition.FindAttribute("manager")!;

    /// <summary>The whole value of <paramref name="attribute"/>; a single object sent for a multi-valued attribute becomes a one-element array.</summary>
    public static JsonNode? Normalize(AttributeDefinition attribute, JsonNode? value, string path)
    {
        if (value is null)
        {
            return null;
        }
        if (!attribute.MultiValued)
        {
            return NormalizeSingle(attribute, value, path);
        }
        var items = value is JsonArray array ? array.ToList() : [value];
        if (items.Count > MaxValuesPerAttribute)
        {
            throw Invalid($"'{path}' has {items.Count} values; at most {MaxValuesPerAttribute} are accepted.");
        }
        var result = new JsonArray();
        foreach (var item in items)
        {
            if (item is not null && NormalizeSingle(attribute, item, path) is { } element)
            {
                result.Add(element);
            }
        }
        CheckSinglePrimary(result, path);
        return result.Count == 0 ? null : result;
    }

    /// <summary>One value: the value of a singular attribute, or one element of a multi-valued one.</summary>
    public static JsonNode? NormalizeSingle(AttributeDefinition attribute, JsonNode? value, string path) => value switch
    {
        null => null,
        _ when attribute.Type == AttributeType.Complex => NormalizeComplex(attribute, value, path),
        JsonValue scalar => NormalizeScalar(attribute, scalar, path),
        _ => throw Invalid($"'{path}' must be {Describe(attribute.Type)}, not {Describe(value)}."),
    };

    /// <summary>At most one value of a multi-valued attribute may be primary (RFC 7643 §2.4).</summary>
    public static void CheckSinglePrimary(JsonArray values, string path)
    {
        if (values.Count(v => v is JsonObject element && element["primary"]?.GetValueKind() == JsonValueKind.True) > 1)
        {
            throw Invalid($"At most one value of '{path}' may have \"primary\": true.");
        }
    }

    private static JsonNode? NormalizeComplex(AttributeDefinition attribute, JsonNode value, string path)
    {
        // Entra sends the manager as the bare id of the manager.
        if (ReferenceEquals(attribute, EnterpriseManager) && value is JsonValue id && id.TryGetValue(out string? managerId))
        {
            return managerId.Length == 0 ? null : new JsonObject { ["value"] = NormalizeString(managerId, path + ".value") };
        }
        if (value is not JsonObject complex)
        {
            throw Invalid($"'{path}' must be an object with sub-attributes, not {Describe(value)}.");
        }
        var result = new JsonObject();
        var seen = new HashSet<string>();
        foreach (var (key, subValue) in complex)
        {
            var sub = attribute.FindSubAttribute(key)
                ?? throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"Unknown sub-attribute '{key}' of '{path}'.");
            if (!seen.Add(sub.Name))
            {
                throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"'{path}.{sub.Name}' appears more than once.");
            }
            // Read-only sub-attributes (members.display, manager.displayName) are the server's to set: ignored (RFC 7643 §2.2).
            if (sub.Mutability != Mutability.ReadOnly && Normalize(sub, subValue, $"{path}.{sub.Name}") is { } normalized)
            {
                result[sub.Name] = normalized;
            }
        }
        return result.Count == 0 ? null : result;
    }

    private static JsonNode NormalizeScalar(AttributeDefinition attribute, JsonValue value, string path)
    {
        var kind = value.GetValueKind();
        switch (attribute.Type)
        {
            case AttributeType.Boolean when kind is JsonValueKind.True or JsonValueKind.False:
                return JsonValue.Create(kind == JsonValueKind.True);
            // Entra sends booleans as "True" and "False".
            case AttributeType.Boolean when kind == JsonValueKind.String && bool.TryParse(value.GetValue<string>(), out var parsed):
                return JsonValue.Create(parsed);
            // Through JsonElement because a JsonValue made from an int does not convert to long itself.
            case AttributeType.Integer when kind == JsonValueKind.Number && JsonSerializer.SerializeToElement(value).TryGetInt64(out var integer):
                return JsonValue.Create(integer);
            case AttributeType.Decimal when kind == JsonValueKind.Number && JsonSerializer.SerializeToElement(value).TryGetDecimal(out var number):
                return JsonValue.Create(number);
            case AttributeType.DateTime when kind == JsonValueKind.String:
                var text = value.GetValue<string>();
                if (!IsXsdDateTime(text))
                {
                    throw Invalid($"'{path}' must be an xsd:dateTime such as \"2008-01-23T04:56:22Z\", not \"{text}\".");
                }
                return JsonValue.Create(text);
            case AttributeType.String or AttributeType.Reference or AttributeType.Binary when kind == JsonValueKind.String:
                return JsonValue.Create(NormalizeString(value.GetValue<string>(), path));
            default:
                throw Invalid($"'{path}' must be {Describe(attribute.Type)}, not {Describe(value)}.");
        }
    }

    private static string NormalizeString(string value, string path) =>
        Encoding.UTF8.GetByteCount(value) <= MaxStringBytes
            ? value
            : throw Invalid($"'{path}' is longer than {MaxStringBytes / 1024} KiB.");

    private static bool IsXsdDateTime(string text)
    {
        try
        {
            XmlConvert.ToDateTimeOffset(text);
            return true;
        }
        // Well-formed but out of range (an offset beyond ±14:00, a UTC instant outside years 1–9999) throws
        // ArgumentOutOfRangeException; the value is refused, and read back it does not fit, like malformed text.
        catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
        {
            return false;
        }
    }

    private static string Describe(AttributeType type) => type switch
    {
        AttributeType.Boolean => "a boolean",
        AttributeType.Integer => "an integer",
        AttributeType.Decimal => "a number",
        AttributeType.DateTime => "a dateTime string",
        AttributeType.Complex => "an object",
        _ => "a string",
    };

    private static string Describe(JsonNode value) => value.GetValueKind() switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };

    private static ScimProtocolException Invalid(string detail) => ScimProtocolException.BadRequest(ScimType.InvalidValue, detail);
}
