using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// What a comparison may do with an attribute of a given type, and the literal read as that
/// type. Shared by the in-memory evaluator and the SQL translator so both refuse the same
/// filters with the same words.
/// </summary>
internal static class FilterValues
{
    /// <summary>RFC 7644 §3.4.2.2: gt/ge/lt/le on boolean or binary attributes is invalidFilter;
    /// co/sw/ew only make sense for text; a complex attribute is compared through its sub-attributes.</summary>
    public static void CheckOperator(ComparisonFilter comparison, AttributeDefinition attribute)
    {
        var op = comparison.Operator;
        if (op == ComparisonOperator.Pr)
        {
            return;
        }
        if (attribute.Type == AttributeType.Complex)
        {
            var example = attribute.SubAttributesOrEmpty.FirstOrDefault()?.Name ?? "value";
            throw Invalid($"'{comparison.Path}' is complex: compare one of its sub-attributes, such as '{attribute.Name}.{example}'.");
        }
        if (comparison.Value is null && op is not (ComparisonOperator.Eq or ComparisonOperator.Ne))
        {
            throw Invalid($"Only eq and ne compare '{comparison.Path}' with null.");
        }
        if (op is ComparisonOperator.Gt or ComparisonOperator.Ge or ComparisonOperator.Lt or ComparisonOperator.Le
            && attribute.Type is AttributeType.Boolean or AttributeType.Binary)
        {
            throw Invalid($"'{comparison.Path}' is {TypeName(attribute)}: gt, ge, lt and le do not apply to it.");
        }
        if (op is ComparisonOperator.Co or ComparisonOperator.Sw or ComparisonOperator.Ew && !IsText(attribute))
        {
            throw Invalid($"'{comparison.Path}' is {TypeName(attribute)}: co, sw and ew apply only to strings.");
        }
    }

    public static bool IsText(AttributeDefinition attribute) =>
        attribute.Type is AttributeType.String or AttributeType.Reference or AttributeType.Binary;

    /// <summary>A string literal; a number is taken as its text (employeeNumber eq 42).</summary>
    public static string Text(ComparisonFilter comparison) => comparison.Value?.GetValueKind() switch
    {
        JsonValueKind.String => comparison.Value.GetValue<string>(),
        JsonValueKind.Number => comparison.Value.ToJsonString(),
        _ => throw Invalid($"'{comparison.Path}' is a string: compare it with a string in double quotes, not {Literal(comparison)}."),
    };

    /// <summary>true or false; also the strings "true" and "false" in any case, which Entra sends for booleans.</summary>
    public static bool Boolean(ComparisonFilter comparison) => comparison.Value?.GetValueKind() switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(comparison.Value.GetValue<string>(), out var parsed) => parsed,
        _ => throw Invalid($"'{comparison.Path}' is a boolean: compare it with true or false, not {Literal(comparison)}."),
    };

    public static DateTimeOffset DateTime(ComparisonFilter comparison) =>
        comparison.Value?.GetValueKind() == JsonValueKind.String
        && TryParseDateTime(comparison.Value.GetValue<string>(), out var parsed)
            ? parsed
            : throw Invalid($"'{comparison.Path}' is a dateTime: compare it with a string such as \"2011-05-13T04:42:34Z\", not {Literal(comparison)}.");

    public static decimal Number(ComparisonFilter comparison) => comparison.Value?.GetValueKind() switch
    {
        JsonValueKind.Number => comparison.Value.GetValue<decimal>(),
        JsonValueKind.String when decimal.TryParse(comparison.Value.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => parsed,
        _ => throw Invalid($"'{comparison.Path}' is a number: compare it with a number, not {Literal(comparison)}."),
    };

    /// <summary>xsd:dateTime; a value without an offset is taken as UTC.</summary>
    public static bool TryParseDateTime(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    /// <summary>String comparison of RFC 7644 §3.4.2.2; ordering is ordinal (by code unit) after case folding.</summary>
    public static bool CompareText(string actual, ComparisonOperator op, string expected, bool caseExact)
    {
        if (!caseExact)
        {
            actual = CaseFolding.Fold(actual);
            expected = CaseFolding.Fold(expected);
        }
        return op switch
        {
            ComparisonOperator.Eq => actual == expected,
            ComparisonOperator.Ne => actual != expected,
            ComparisonOperator.Co => actual.Contains(expected, StringComparison.Ordinal),
            ComparisonOperator.Sw => actual.StartsWith(expected, StringComparison.Ordinal),
            ComparisonOperator.Ew => actual.EndsWith(expected, StringComparison.Ordinal),
            _ => Order(string.CompareOrdinal(actual, expected), op),
        };
    }

    /// <summary>gt, ge, lt, le (and eq, ne) from a comparison result.</summary>
    public static bool Order(int comparison, ComparisonOperator op) => op switch
    {
        ComparisonOperator.Eq => comparison == 0,
        ComparisonOperator.Ne => comparison != 0,
        ComparisonOperator.Gt => comparison > 0,
        ComparisonOperator.Ge => comparison >= 0,
        ComparisonOperator.Lt => comparison < 0,
        ComparisonOperator.Le => comparison <= 0,
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Not an ordering operator."),
    };

    public static ScimProtocolException Invalid(string detail) => ScimProtocolException.BadRequest(ScimType.InvalidFilter, detail);

    /// <summary>Error details quote the client's literal as written, not with HTML-safe escapes.</summary>
    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string Literal(ComparisonFilter comparison) => comparison.Value?.ToJsonString(Readable) ?? "null";

    private static string TypeName(AttributeDefinition attribute) => attribute.Type switch
    {
        AttributeType.Boolean => "a boolean",
        AttributeType.Binary => "binary",
        AttributeType.DateTime => "a dateTime",
        AttributeType.Integer or AttributeType.Decimal => "a number",
        _ => "a " + attribute.Type.ToString().ToLowerInvariant(),
    };
}
