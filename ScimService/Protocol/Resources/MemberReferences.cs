using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Protocol.Resources;

/// <summary>Reads the <c>members</c> of a group from a body or a PATCH value. Members are kept in their own
/// table, so they never go through <see cref="ValueNormalizer"/> and have no per-attribute value limit.</summary>
public static class MemberReferences
{
    private static readonly AttributeDefinition Members = GroupSchema.Definition.FindAttribute("members")!;

    /// <summary>Whether <paramref name="attribute"/> is the members of a group, which the caller stores apart.</summary>
    public static bool IsGroupMembers(AttributeDefinition attribute) => ReferenceEquals(attribute, Members);

    /// <summary>A list of <c>{"value": id, "type": "User"|"Group"}</c>; a single object counts as a list of one,
    /// null as an empty list. Duplicates of the same id are dropped.</summary>
    public static IReadOnlyList<MemberReference> Parse(JsonNode? value, string path = "members")
    {
        var items = value switch
        {
            null => [],
            JsonArray array => array.ToList(),
            _ => [value],
        };
        var references = new List<MemberReference>();
        // A hash set, not a scan of the list: a push of 100,000 members stays linear.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            if (item is null)
            {
                continue;
            }
            var reference = ParseOne(item, path);
            if (seen.Add(reference.Value))
            {
                references.Add(reference);
            }
        }
        return references;
    }

    private static MemberReference ParseOne(JsonNode item, string path)
    {
        if (item is not JsonObject member)
        {
            throw Invalid($"Each of '{path}' must be an object such as {{\"value\": \"<id>\"}}.");
        }
        string? id = null;
        string? type = null;
        foreach (var (key, subValue) in member)
        {
            var sub = Members.FindSubAttribute(key)
                ?? throw ScimProtocolException.BadRequest(ScimType.InvalidSyntax, $"Unknown sub-attribute '{key}' of '{path}'.");
            switch (sub.Name)
            {
                case "value":
                    id = subValue is JsonValue v && v.TryGetValue(out string? s) && s.Length > 0
                        ? s
                        : throw Invalid($"'{path}.value' must be the id of a User or a Group, as a non-empty string.");
                    break;
                case "type" when subValue is not null:
                    type = (subValue is JsonValue t && t.TryGetValue(out string? text) ? text : null) switch
                    {
                        { } x when x.Equals("User", StringComparison.OrdinalIgnoreCase) => "User",
                        { } x when x.Equals("Group", StringComparison.OrdinalIgnoreCase) => "Group",
                        _ => throw Invalid($"'{path}.type' must be \"User\" or \"Group\"."),
                    };
                    break;
            }
            // display is read-only and $ref is derived from the id: both ignored.
        }
        return new MemberReference(id ?? throw Invalid($"Each of '{path}' needs a \"value\": the id of a User or a Group."), type);
    }

    private static ScimProtocolException Invalid(string detail) => ScimProtocolException.BadRequest(ScimType.InvalidValue, detail);
}
