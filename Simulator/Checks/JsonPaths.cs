using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.Simulator.Checks;

/// <summary>
/// The property paths the Okta spec test asserts on ("Resources[0].name.familyName", "emails[0].value"):
/// dots between names, [n] for an array element. Names are matched case-insensitively, as SCIM names are.
/// </summary>
public static class JsonPaths
{
    public static JsonNode? Find(JsonNode? node, string path)
    {
        foreach (var part in path.Split('.'))
        {
            var name = part;
            int? index = null;
            var bracket = part.IndexOf('[');
            if (bracket >= 0)
            {
                name = part[..bracket];
                index = int.Parse(part[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
            }
            if (name.Length > 0)
            {
                node = node is JsonObject obj ? obj.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value : null;
            }
            if (index is { } i)
            {
                node = node is JsonArray array && i < array.Count ? array[i] : null;
            }
            if (node is null)
            {
                return null;
            }
        }
        return node;
    }

    public static string? String(JsonNode? node, string path) =>
        Find(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : null;

    public static long? Integer(JsonNode? node, string path) =>
        Find(node, path) is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<long>(out var number) ? number : null;
}
