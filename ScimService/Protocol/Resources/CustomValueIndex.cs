using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// The declared string attributes of a resource in the form the <c>custom_values</c> column keeps
/// under a GIN index: <c>{"urn:…:User:costCenter": ["42"]}</c>, values lower-cased and always in a list.
/// A filter <c>costCenter eq "42"</c> then adds <c>custom_values @> {"…:costCenter": ["42"]}</c>, which
/// the index answers, before the exact comparison on the document (which also honours caseExact).
/// </summary>
public static class CustomValueIndex
{
    public static JsonObject Of(JsonObject attributes, ResourceTypeDefinition type)
    {
        var index = new JsonObject();
        foreach (var schema in type.AllSchemas)
        {
            var container = schema == type.Schema ? attributes : attributes[schema.Id] as JsonObject;
            foreach (var attribute in schema.Attributes.Where(a => a.Custom && a.Type == AttributeType.String))
            {
                var values = container?[attribute.Name] switch
                {
                    JsonArray array => array.Select(Text).OfType<string>().ToList(),
                    JsonValue single when Text(single) is { } text => [text],
                    _ => [],
                };
                if (values.Count > 0)
                {
                    index[Key(schema, attribute)] = new JsonArray(values.Distinct().Select(v => (JsonNode)JsonValue.Create(v)).ToArray());
                }
            }
        }
        return index;
    }

    public static string Key(SchemaDefinition schema, AttributeDefinition attribute) => $"{schema.Id}:{attribute.Name}";

    /// <summary>The containment the index answers for <c>attribute eq value</c>.</summary>
    public static string Containment(SchemaDefinition schema, AttributeDefinition attribute, string value) =>
        new JsonObject { [Key(schema, attribute)] = new JsonArray(JsonValue.Create(Fold(value))) }.ToJsonString();

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue(out string? text) ? Fold(text) : null;

    private static string Fold(string text) => text.ToLowerInvariant();
}
