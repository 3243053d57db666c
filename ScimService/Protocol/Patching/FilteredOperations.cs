using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// Operations on the elements of a multi-valued attribute that a value filter selects:
/// <c>emails[type eq "work"].value</c>, <c>addresses[type eq "work"]</c>.
/// </summary>
internal static class FilteredOperations
{
    public static void Apply(PatchOperationKind kind, PatchTarget target, JsonNode? value, JsonObject attributes)
    {
        var filter = target.Filter!;
        // Evaluated once on an empty element so that a bad filter fails even when there is nothing to match.
        FilterEvaluator.Matches(filter, new JsonObject(), target.Attribute);
        var elements = target.Elements(attributes, create: false);
        var matches = elements?.Where(e => FilterEvaluator.Matches(filter, e, target.Attribute)).ToList() ?? [];
        if (kind == PatchOperationKind.Remove || value is null)
        {
            if (matches.Count == 0 && kind == PatchOperationKind.Remove)
            {
                throw NoTarget(target, "");
            }
            Remove(target, elements, matches);
            return;
        }
        if (matches.Count == 0)
        {
            // RFC 7644 §3.5.2.3 asks noTarget of a replace that matches nothing. Entra sends Replace and Add
            // interchangeably for emails[type eq "work"].value, so a replace of a sub-attribute creates, as add does.
            if (kind == PatchOperationKind.Replace && target.SubAttribute is null)
            {
                throw NoTarget(target, " Use add to create it.");
            }
            var created = NewElement(target);
            target.Elements(attributes, create: true)!.Add(created);
            matches = [created];
        }
        var subValue = target.SubAttribute is { } sub
            ? ValueNormalizer.Normalize(sub, value, target.Path)
            : ValueNormalizer.NormalizeSingle(target.Attribute, Unwrap(value), target.Path);
        foreach (var element in matches.OfType<JsonObject>())
        {
            if (target.SubAttribute is { } subAttribute)
            {
                PathOperations.SetOrRemove(element, subAttribute, subValue);
            }
            else if (kind == PatchOperationKind.Add)
            {
                PathOperations.Merge(element, subValue as JsonObject ?? []);
            }
            else
            {
                elements![elements.IndexOf(element)] = subValue?.DeepClone() ?? new JsonObject();
            }
        }
    }

    private static void Remove(PatchTarget target, JsonArray? elements, List<JsonNode?> matches)
    {
        foreach (var element in matches)
        {
            if (target.SubAttribute is { } sub)
            {
                (element as JsonObject)?.Remove(sub.Name);
            }
            else
            {
                elements!.Remove(element);
            }
        }
    }

    /// <summary>
    /// The element an add creates when nothing matches: what the filter says of it. Entra sends
    /// <c>addresses[type eq "work"].streetAddress</c>, then <c>.locality</c>, as separate operations;
    /// the first creates <c>{"type": "work", …}</c> and the next ones match it, so they share one element.
    /// </summary>
    private static JsonObject NewElement(PatchTarget target)
    {
        var element = new JsonObject();
        if (!Describe(target.Filter!, target.Attribute, element))
        {
            throw NoTarget(target, " A new value can be made only from a filter of 'eq' comparisons joined by 'and'.");
        }
        return element;
    }

    private static bool Describe(FilterNode filter, AttributeDefinition attribute, JsonObject element) => filter switch
    {
        LogicalFilter { Operator: LogicalOperator.And } and =>
            Describe(and.Left, attribute, element) && Describe(and.Right, attribute, element),
        ComparisonFilter { Operator: ComparisonOperator.Eq, Value: not null } comparison
            when attribute.FindSubAttribute(comparison.Path.Name) is { } sub =>
            ValueNormalizer.NormalizeSingle(sub, comparison.Value.DeepClone(), $"{attribute.Name}.{sub.Name}") is { } value
            && element.TryAdd(sub.Name, value),
        _ => false,
    };

    /// <summary>Some clients wrap the one element in a list.</summary>
    private static JsonNode? Unwrap(JsonNode? value) => value is JsonArray { Count: 1 } list ? list[0] : value;

    private static ScimProtocolException NoTarget(PatchTarget target, string hint) =>
        ScimProtocolException.BadRequest(ScimType.NoTarget, $"No value of '{target.Attribute.Name}' matches the filter of '{target.Path}'.{hint}");
}
