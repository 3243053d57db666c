using System.Text.Json;
using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Filtering;

/// <summary>
/// Evaluates a value filter (<c>type eq "work" and value co "@x"</c>) against one element of a
/// multi-valued complex attribute, for PATCH paths such as <c>emails[type eq "work"]</c> and
/// <c>members[value eq "…"]</c>. Paths in the filter name sub-attributes of that attribute.
/// </summary>
public static class FilterEvaluator
{
    /// <summary>Throws 400 invalidFilter for an unknown sub-attribute or a value of the wrong type,
    /// whether or not evaluation reaches it: both sides of and/or are always evaluated.</summary>
    public static bool Matches(FilterNode filter, JsonNode? element, AttributeDefinition multiValuedAttribute) => filter switch
    {
        LogicalFilter { Operator: LogicalOperator.And } both =>
            Matches(both.Left, element, multiValuedAttribute) & Matches(both.Right, element, multiValuedAttribute),
        LogicalFilter either => Matches(either.Left, element, multiValuedAttribute) | Matches(either.Right, element, multiValuedAttribute),
        NotFilter negation => !Matches(negation.Inner, element, multiValuedAttribute),
        ComparisonFilter comparison => Compare(comparison, element, multiValuedAttribute),
        ValuePathFilter nested => throw FilterValues.Invalid(
            $"Value filters cannot nest: '{nested.Path}[…]' inside a filter on '{multiValuedAttribute.Name}'."),
        _ => throw new ArgumentOutOfRangeException(nameof(filter), filter, "Unknown filter node."),
    };

    private static bool Compare(ComparisonFilter comparison, JsonNode? element, AttributeDefinition parent)
    {
        var sub = SubAttribute(comparison.Path, parent);
        FilterValues.CheckOperator(comparison, sub);
        var actual = Property(element, sub.Name);
        if (comparison.Operator == ComparisonOperator.Pr)
        {
            return IsPresent(actual);
        }
        if (comparison.Value is null)
        {
            return comparison.Operator == ComparisonOperator.Eq ? !IsPresent(actual) : IsPresent(actual);
        }
        var matches = sub.Type switch
        {
            AttributeType.Boolean => EqualBooleans(actual, FilterValues.Boolean(comparison)),
            AttributeType.DateTime => CompareDateTimes(actual, comparison),
            AttributeType.Integer or AttributeType.Decimal => CompareNumbers(actual, comparison),
            _ => Text(actual) is { } text
                && FilterValues.CompareText(text, Positive(comparison.Operator), FilterValues.Text(comparison), sub.CaseExact),
        };
        // ne holds when eq does not, an absent value included.
        return comparison.Operator == ComparisonOperator.Ne ? !matches : matches;
    }

    /// <summary>ne is evaluated as the negation of eq.</summary>
    private static ComparisonOperator Positive(ComparisonOperator op) => op == ComparisonOperator.Ne ? ComparisonOperator.Eq : op;

    private static AttributeDefinition SubAttribute(AttributePath path, AttributeDefinition parent) =>
        path.SchemaUrn is null && path.SubAttribute is null && parent.FindSubAttribute(path.Name) is { } sub
            ? sub
            : throw FilterValues.Invalid($"'{path}' is not a sub-attribute of '{parent.Name}'. Its sub-attributes are: "
                + string.Join(", ", parent.SubAttributesOrEmpty.Select(a => a.Name)) + ".");

    /// <summary>Clients send their own casing; stored JSON may differ from the schema's.</summary>
    private static JsonNode? Property(JsonNode? element, string name) => element switch
    {
        JsonObject json => json.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value,
        // A bare value in the array stands for the element's "value".
        JsonValue bare when string.Equals(name, "value", StringComparison.OrdinalIgnoreCase) => bare,
        _ => null,
    };

    private static bool IsPresent(JsonNode? value) => value switch
    {
        null => false,
        JsonArray array => array.Count > 0,
        JsonObject json => json.Count > 0,
        _ => value.GetValueKind() switch
        {
            JsonValueKind.Null => false,
            JsonValueKind.String => value.GetValue<string>().Length > 0,
            _ => true,
        },
    };

    private static string? Text(JsonNode? value) => value?.GetValueKind() switch
    {
        JsonValueKind.String => value.GetValue<string>(),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.ToJsonString(),
        _ => null,
    };

    private static bool EqualBooleans(JsonNode? actual, bool expected) => actual?.GetValueKind() switch
    {
        JsonValueKind.True => expected,
        JsonValueKind.False => !expected,
        JsonValueKind.String => bool.TryParse(actual.GetValue<string>(), out var parsed) && parsed == expected,
        _ => false,
    };

    private static bool CompareDateTimes(JsonNode? actual, ComparisonFilter comparison)
    {
        var expected = FilterValues.DateTime(comparison);
        return Text(actual) is { } text && FilterValues.TryParseDateTime(text, out var value)
            && FilterValues.Order(value.CompareTo(expected), Positive(comparison.Operator));
    }

    private static bool CompareNumbers(JsonNode? actual, ComparisonFilter comparison)
    {
        var expected = FilterValues.Number(comparison);
        return Text(actual) is { } text
            && decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value)
            && FilterValues.Order(value.CompareTo(expected), Positive(comparison.Operator));
    }
}
