using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// An immutable attribute (RFC 7643 §2.2) may be set once, when it has no value, and never changed.
/// Checked on the result so that every route to a change (path, no path, a parent complex value) is covered.
/// </summary>
internal static class ImmutableAttributes
{
    public static void Check(JsonObject before, JsonObject after, ResourceTypeDefinition type)
    {
        foreach (var schema in type.AllSchemas)
        {
            var inBefore = schema == type.Schema ? before : before[schema.Id] as JsonObject;
            var inAfter = schema == type.Schema ? after : after[schema.Id] as JsonObject;
            foreach (var attribute in schema.Attributes.Where(a => !a.MultiValued))
            {
                var name = schema == type.Schema ? attribute.Name : $"{schema.Id}:{attribute.Name}";
                Compare(attribute, inBefore?[attribute.Name], inAfter?[attribute.Name], name);
            }
        }
    }

    private static void Compare(AttributeDefinition attribute, JsonNode? before, JsonNode? after, string name)
    {
        if (attribute.Mutability == Mutability.Immutable && before is not null && !JsonNode.DeepEquals(before, after))
        {
            throw ScimProtocolException.BadRequest(ScimType.Mutability, $"'{name}' is immutable: it cannot change once set.");
        }
        if (attribute.Type == AttributeType.Complex && before is JsonObject beforeComplex)
        {
            foreach (var sub in attribute.SubAttributesOrEmpty)
            {
                Compare(sub, beforeComplex[sub.Name], (after as JsonObject)?[sub.Name], $"{name}.{sub.Name}");
            }
        }
    }
}
