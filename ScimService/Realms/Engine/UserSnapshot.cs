using System.Text.Json.Nodes;

namespace Provisioning.ScimService.Realms.Engine;

/// <summary>What the engine compares of a SCIM user before and after a request.</summary>
public sealed record UserSnapshot(Guid Id, bool Active, string Email, string? DisplayName)
{
    /// <summary>The longest email and name a realm account holds (its columns); SCIM values may be longer.</summary>
    public const int MaxEmailLength = 320;
    public const int MaxDisplayNameLength = 256;

    /// <summary>False when the email is too long for an account: no account is made or changed to it.</summary>
    public bool EmailFits => Email.Length <= MaxEmailLength;

    /// <summary>
    /// The account's email is the primary email, else the first, else the userName (Okta's and
    /// Entra's userName is an email address); the name is displayName, else the formatted or composed name.
    /// </summary>
    public static UserSnapshot From(Guid id, bool active, string userName, string? displayName, JsonObject attributes)
    {
        var emails = (attributes["emails"] as JsonArray)?.OfType<JsonObject>().ToList() ?? [];
        var email = Text(emails.FirstOrDefault(e => e["primary"] is JsonValue p && p.TryGetValue<bool>(out var primary) && primary)?["value"])
            ?? emails.Select(e => Text(e["value"])).FirstOrDefault(v => v is not null)
            ?? userName;
        var name = attributes["name"] as JsonObject;
        var composed = string.Join(' ', new[] { Text(name?["givenName"]), Text(name?["familyName"]) }.OfType<string>());
        var shown = displayName ?? Text(name?["formatted"]) ?? (composed.Length > 0 ? composed : null);
        // The name is a label on the account: a longer one is cut, not refused.
        return new UserSnapshot(id, active, email.Trim(), shown is { Length: > MaxDisplayNameLength } ? shown[..MaxDisplayNameLength] : shown);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text) ? text : null;
}
