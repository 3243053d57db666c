using System.Text.Json;
using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Protocol.Patching;

/// <summary>
/// Keeps one <c>"primary": true</c> per multi-valued attribute: when an operation makes a value primary,
/// the values that were primary before become <c>"primary": false</c>, as RFC 7644 §3.5.2 asks.
/// Two new primaries in one operation are left for validation to refuse.
/// </summary>
internal static class PrimaryValues
{
    /// <summary>The elements that are primary now, by identity, to compare with after the operation.</summary>
    public static HashSet<JsonNode> Before(PatchTarget target, JsonObject attributes) =>
        Primaries(target, attributes).ToHashSet<JsonNode>(ReferenceEqualityComparer.Instance);

    public static void DemoteOthers(PatchTarget target, JsonObject attributes, HashSet<JsonNode> before)
    {
        var now = Primaries(target, attributes).ToList();
        if (now.Any(e => !before.Contains(e)))
        {
            foreach (var element in now.Where(before.Contains))
            {
                element["primary"] = false;
            }
        }
    }

    private static IEnumerable<JsonObject> Primaries(PatchTarget target, JsonObject attributes) =>
        target.Attribute.MultiValued && target.Elements(attributes, create: false) is { } elements
            ? elements.OfType<JsonObject>().Where(e => e["primary"]?.GetValueKind() == JsonValueKind.True)
            : [];
}
