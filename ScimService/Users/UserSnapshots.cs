using System.Text.Json.Nodes;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Users;

public static class UserSnapshots
{
    /// <summary>The user as the provisioning engine compares it before and after a write.</summary>
    public static UserSnapshot ToSnapshot(this ScimUser user) =>
        UserSnapshot.From(user.Id, user.Active, user.UserName, user.DisplayName, JsonNode.Parse(user.Attributes)!.AsObject());
}
