using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.ScimService.Users;

/// <summary>Copies a normalized user representation onto the row, keeping the indexed columns in step.</summary>
public static class UserWriter
{
    private static readonly PasswordHasher<ScimUser> Hasher = new();

    public static void Write(ScimUser user, ResourceTypeDefinition type, JsonObject attributes, string? password)
    {
        user.UserName = attributes["userName"]!.GetValue<string>();
        user.UserNameKey = user.UserName.ToLowerInvariant();
        user.ExternalId = Text(attributes, "externalId");
        user.DisplayName = Text(attributes, "displayName");
        user.Active = attributes["active"] is JsonValue active && active.TryGetValue<bool>(out var isActive) ? isActive : true;
        user.EmailValues = attributes["emails"] is JsonArray emails
            ? emails.Select(e => (e as JsonObject)?["value"] is JsonValue v && v.TryGetValue<string>(out var s) ? s.ToLowerInvariant() : null)
                .OfType<string>().Distinct().ToArray()
            : [];
        user.Attributes = attributes.ToJsonString();
        user.CustomValues = CustomValueIndex.Of(attributes, type).ToJsonString();
        if (password is not null)
        {
            user.PasswordHash = Hasher.HashPassword(user, password);
        }
    }

    public static ScimUser Create(Guid connectionId, ResourceTypeDefinition type, JsonObject attributes, string? password, DateTimeOffset now)
    {
        var user = new ScimUser { ConnectionId = connectionId, UserName = "", UserNameKey = "", Attributes = "{}", Created = now, LastModified = now };
        Write(user, type, attributes, password);
        return user;
    }

    private static string? Text(JsonObject attributes, string name) =>
        attributes[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
