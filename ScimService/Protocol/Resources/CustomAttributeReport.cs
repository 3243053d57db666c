using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>
/// The custom attributes of one write, for the provisioning log's "what the IdP sent": the declared
/// ones the resource now holds (kept) and the undeclared ones the request carried (not kept).
/// </summary>
public static class CustomAttributeReport
{
    public const int MaxValueLength = 200;

    /// <summary>A JSON array of <c>{"path", "value", "kept"}</c>, or null when there is nothing custom to tell.</summary>
    public static JsonArray? Of(JsonObject attributes, ResourceTypeDefinition type, IReadOnlyList<UndeclaredAttribute> notKept)
    {
        var report = new JsonArray();
        foreach (var schema in type.AllSchemas)
        {
            var container = schema == type.Schema ? attributes : attributes[schema.Id] as JsonObject;
            foreach (var attribute in schema.Attributes.Where(a => a.Custom))
            {
                if (container?[attribute.Name] is { } value)
                {
                    report.Add(Item(ResourceNormalizer.PathOf(type, schema, attribute), value, kept: true));
                }
            }
        }
        foreach (var undeclared in notKept)
        {
            report.Add(Item(undeclared.Path, undeclared.Value, kept: false));
        }
        return report.Count == 0 ? null : report;
    }

    /// <summary>Values are shown, not replayed: long ones are cut.</summary>
    private static JsonObject Item(string path, JsonNode? value, bool kept)
    {
        var text = value?.ToJsonString() ?? "null";
        return new JsonObject
        {
            ["path"] = path,
            ["value"] = text.Length <= MaxValueLength ? value?.DeepClone() : JsonValue.Create(text[..(MaxValueLength - 1)] + "…"),
            ["kept"] = kept,
        };
    }
}
