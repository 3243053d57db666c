using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Groups;

/// <summary>Copies a normalized group representation onto the row, keeping the indexed columns in step.</summary>
public static class GroupWriter
{
    public static void Write(ScimGroup group, ResourceTypeDefinition type, JsonObject attributes)
    {
        group.DisplayName = IndexedValues.Checked(attributes["displayName"]!.GetValue<string>(), "displayName")!;
        group.DisplayNameKey = CaseFolding.Fold(group.DisplayName);
        group.ExternalId = IndexedValues.Checked(attributes["externalId"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null, "externalId");
        group.Attributes = attributes.ToJsonString();
        group.CustomValues = CustomValueIndex.Of(attributes, type).ToJsonString();
    }

    /// <summary>
    /// Whether writing these attributes would change the group as clients see it. Values the connection's declarations
    /// no longer show do not count, as for a PATCH (<see cref="StoredAttributes"/>): the next change drops them.
    /// </summary>
    public static bool Changes(ScimGroup group, ResourceTypeDefinition type, JsonObject attributes) =>
        !JsonNode.DeepEquals(StoredAttributes.Visible(JsonNode.Parse(group.Attributes)!.AsObject(), type), attributes);

    public static ScimGroup Create(Guid connectionId, ResourceTypeDefinition type, JsonObject attributes, DateTimeOffset now)
    {
        var group = new ScimGroup { ConnectionId = connectionId, DisplayName = "", DisplayNameKey = "", Attributes = "{}", Created = now, LastModified = now };
        Write(group, type, attributes);
        return group;
    }
}
