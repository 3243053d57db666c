using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// add, replace and remove on an attribute or sub-attribute without a value filter (RFC 7644 §3.5.2.1–3).
/// Values are checked by <see cref="ValueNormalizer"/> as they arrive, so errors name the operation's target.
/// A null value in add or replace unassigns, as null does in a resource body.
/// </summary>
internal static class PathOperations
{
    public static void Apply(PatchOperationKind kind, PatchTarget target, JsonNode? value, JsonObject attributes)
    {
        if (target.Filter is not null)
        {
            FilteredOperations.Apply(kind, target, value, attributes);
        }
        else if (kind == PatchOperationKind.Remove || value is null)
        {
            Remove(target, kind == PatchOperationKind.Remove ? value : null, attributes);
        }
        else if (target.SubAttribute is not null)
        {
            SetSubAttribute(target, target.SubAttribute, value, attributes);
        }
        else if (target.Attribute.MultiValued)
        {
            var values = (JsonArray?)ValueNormalizer.Normalize(target.Attribute, value, target.Path);
            if (kind == PatchOperationKind.Replace)
            {
                target.SetValue(attributes, values); // without a filter, replace swaps the whole list
            }
            else if (values is not null)
            {
                AddWithoutDuplicates(target.Elements(attributes, create: true)!, values);
            }
        }
        else if (target.Attribute.Type == AttributeType.Complex)
        {
            // Both add and replace keep the sub-attributes the value does not name (RFC 7644 §3.5.2.1 and §3.5.2.3).
            if (ValueNormalizer.NormalizeSingle(target.Attribute, value, target.Path) is JsonObject subValues)
            {
                Merge(Complex(target, attributes), subValues);
            }
        }
        else
        {
            target.SetValue(attributes, ValueNormalizer.NormalizeSingle(target.Attribute, value, target.Path));
        }
    }

    /// <summary>Copies each sub-attribute of <paramref name="subValues"/> over <paramref name="element"/>.</summary>
    public static void Merge(JsonObject element, JsonObject subValues)
    {
        foreach (var (name, subValue) in subValues)
        {
            element[name] = subValue?.DeepClone();
        }
    }

    /// <summary><c>name.givenName</c>; on a multi-valued attribute (<c>emails.type</c>) every element, or a new one when there is none.</summary>
    private static void SetSubAttribute(PatchTarget target, AttributeDefinition sub, JsonNode value, JsonObject attributes)
    {
        var subValue = ValueNormalizer.Normalize(sub, value, target.Path);
        if (!target.Attribute.MultiValued)
        {
            SetOrRemove(Complex(target, attributes), sub, subValue);
            return;
        }
        var elements = target.Elements(attributes, create: true)!;
        if (elements.Count == 0)
        {
            elements.Add(new JsonObject());
        }
        foreach (var element in elements.OfType<JsonObject>())
        {
            SetOrRemove(element, sub, subValue);
        }
    }

    /// <summary>Sets one sub-attribute of an element to a checked value; null unassigns it.</summary>
    public static void SetOrRemove(JsonObject element, AttributeDefinition sub, JsonNode? subValue)
    {
        if (subValue is null)
        {
            element.Remove(sub.Name);
        }
        else
        {
            element[sub.Name] = subValue.DeepClone();
        }
    }

    private static void Remove(PatchTarget target, JsonNode? values, JsonObject attributes)
    {
        if (target.SubAttribute is { } sub)
        {
            var current = target.Value(attributes);
            var holders = current is JsonArray elements ? elements.OfType<JsonObject>() : current is JsonObject one ? [one] : [];
            foreach (var holder in holders)
            {
                holder.Remove(sub.Name);
            }
        }
        else if (values is not null && target.Attribute.MultiValued && target.Elements(attributes, create: false) is { } elements)
        {
            RemoveListed(target, elements, values);
        }
        else
        {
            target.SetValue(attributes, null);
        }
    }

    /// <summary>Entra's shape, <c>{"op":"Remove","path":"emails","value":[{"value":"x"}]}</c>: removes the listed values,
    /// compared by their <c>value</c> sub-attribute when they have one.</summary>
    private static void RemoveListed(PatchTarget target, JsonArray elements, JsonNode values)
    {
        var listed = ValueNormalizer.Normalize(target.Attribute, values, target.Path) as JsonArray ?? [];
        foreach (var item in listed)
        {
            var matching = elements.Where(e => item is JsonObject { } o && o["value"] is { } v
                ? e is JsonObject element && JsonNode.DeepEquals(element["value"], v)
                : JsonNode.DeepEquals(e, item)).ToList();
            matching.ForEach(e => elements.Remove(e));
        }
    }

    private static void AddWithoutDuplicates(JsonArray elements, JsonArray values)
    {
        foreach (var value in values)
        {
            if (!elements.Any(e => JsonNode.DeepEquals(e, value)))
            {
                elements.Add(value?.DeepClone());
            }
        }
    }

    private static JsonObject Complex(PatchTarget target, JsonObject attributes)
    {
        if (target.Value(attributes) is JsonObject complex)
        {
            return complex;
        }
        complex = [];
        target.SetValue(attributes, complex);
        return complex;
    }
}
