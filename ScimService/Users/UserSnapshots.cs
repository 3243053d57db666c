using System.Text.Json.Nodes;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Users;

public static class UserSnapshots
{
    /// <summary>The user as the provisioning engine compares it before and after a write.</summary>
    public static UserSnapshot ToSnapshot(this ScimUser user) => user.ToSnapshot(JsonNode.Parse(user.Attributes)!.AsObject());

    /// <summary>The same, from the attributes the user's row was just written from: they are not parsed back from its JSON.</summary>
    public static UserSnapshot ToSnapshot(this ScimUser user, JsonObject attributes) =>
        UserSnapshot.From(user.Id, user.Active, user.UserName, user.DisplayName, attributes);
}
