using System.Text.Json.Nodes;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Users;

/// <summary>
/// Copies a normalized user representation onto the row, keeping the indexed columns in step.
/// A SCIM <c>password</c> is validated and then dropped: nothing in the product signs users in
/// with it, and a hash that nothing reads is only a liability (see docs/scim.md).
/// </summary>
public static class UserWriter
{
    public static void Write(ScimUser user, ResourceTypeDefinition type, JsonObject attributes)
    {
        user.UserName = IndexedValues.Checked(attributes["userName"]!.GetValue<string>(), "userName")!;
        user.UserNameKey = CaseFolding.Fold(user.UserName);
        user.ExternalId = IndexedValues.Checked(Text(attributes, "externalId"), "externalId");
        user.DisplayName = Text(attributes, "displayName");
        // A user sent without "active" is provisioned as active: the representation says so, as the filters do.
        user.Active = attributes["active"] is JsonValue active && active.TryGetValue<bool>(out var isActive) ? isActive : true;
        attributes["active"] = user.Active;
        user.EmailValues = attributes["emails"] is JsonArray emails
            ? emails.Select(e => (e as JsonObject)?["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? CaseFolding.Fold(IndexedValues.Checked(s, "emails.value")!) : null)
                .OfType<string>().Distinct().ToArray()
            : [];
        user.Attributes = attributes.ToJsonString();
        user.CustomValues = CustomValueIndex.Of(attributes, type).ToJsonString();
    }

    public static ScimUser Create(Guid connectionId, ResourceTypeDefinition type, JsonObject attributes, DateTimeOffset now)
    {
        var user = new ScimUser { ConnectionId = connectionId, UserName = "", UserNameKey = "", Attributes = "{}", Created = now, LastModified = now };
        Write(user, type, attributes);
        return user;
    }

    private static string? Text(JsonObject attributes, string name) =>
        attributes[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
