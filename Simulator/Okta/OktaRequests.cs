using System.Text.Json.Nodes;
using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Scim;

namespace Provisioning.Simulator.Okta;

/// <summary>The requests Okta sends, shaped as in Okta's SCIM 2.0 protocol reference.</summary>
public static class OktaRequests
{
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary>Okta pages through everything 100 at a time.</summary>
    public const int PageSize = 100;

    /// <summary>"Test API Credentials" in the app's Provisioning settings.</summary>
    public static ScimRequest TestCredentials() => ScimRequest.Get(OktaSteps.TestCredentials, "Users?startIndex=1&count=2");

    public static ScimRequest ImportUsers(int startIndex) => ScimRequest.Get(OktaSteps.ImportUsers, $"Users?startIndex={startIndex}&count={PageSize}");

    public static ScimRequest ImportGroups(int startIndex) => ScimRequest.Get(OktaSteps.ImportGroups, $"Groups?startIndex={startIndex}&count={PageSize}");

    public static ScimRequest FindUser(DirectoryUser user) =>
        ScimRequest.Get(OktaSteps.FindUser, ScimPaths.Filter("Users", "userName", user.UserName, $"startIndex=1&count={PageSize}"));

    public static ScimRequest CreateUser(DirectoryUser user) => ScimRequest.Post(OktaSteps.CreateUser, "Users", Profile(user, withId: false));

    public static ScimRequest ReadUser(DirectoryUser user) => ScimRequest.Get(OktaSteps.ReadUser, $"Users/{user.ScimId}");

    /// <summary>Profile push: the whole app profile, PUT over the user Okta read just before.</summary>
    public static ScimRequest PushProfile(DirectoryUser user) => ScimRequest.Put(OktaSteps.PushProfile, $"Users/{user.ScimId}", Profile(user, withId: true));

    /// <summary>Deactivate and reactivate: a replace without a path, the value an object with "active".</summary>
    public static ScimRequest SetActive(string step, DirectoryUser user, bool active) =>
        ScimRequest.Patch(step, $"Users/{user.ScimId}", Patch(new JsonObject { ["op"] = "replace", ["value"] = new JsonObject { ["active"] = active } }));

    /// <summary>Push Groups: a new group goes with an empty member list; members follow by PATCH.</summary>
    public static ScimRequest PushGroup(DirectoryGroup group) => ScimRequest.Post(OktaSteps.PushGroup, "Groups", new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group"),
        ["displayName"] = group.DisplayName,
        ["members"] = new JsonArray(),
    });

    public static ScimRequest AddMembers(DirectoryGroup group, IEnumerable<DirectoryUser> users) =>
        ScimRequest.Patch(OktaSteps.AddMembers, $"Groups/{group.ScimId}", Patch(new JsonObject
        {
            ["op"] = "add",
            ["path"] = "members",
            ["value"] = new JsonArray([.. users.Select(u => (JsonNode)new JsonObject { ["value"] = u.ScimId, ["display"] = u.UserName })]),
        }));

    /// <summary>Okta removes one member per operation with a value filter in the path.</summary>
    public static ScimRequest RemoveMember(DirectoryGroup group, DirectoryUser user) =>
        ScimRequest.Patch(OktaSteps.RemoveMember, $"Groups/{group.ScimId}", Patch(new JsonObject
        {
            ["op"] = "remove",
            ["path"] = $"members[value eq \"{user.ScimId}\"]",
        }));

    /// <summary>A rename is a replace without a path whose value repeats the group's id.</summary>
    public static ScimRequest RenameGroup(DirectoryGroup group) =>
        ScimRequest.Patch(OktaSteps.RenameGroup, $"Groups/{group.ScimId}", Patch(new JsonObject
        {
            ["op"] = "replace",
            ["value"] = new JsonObject { ["id"] = group.ScimId, ["displayName"] = group.DisplayName },
        }));

    private static JsonObject Patch(params JsonNode[] operations) => new()
    {
        ["schemas"] = new JsonArray(PatchOp),
        ["Operations"] = new JsonArray(operations),
    };

    private static JsonObject Profile(DirectoryUser user, bool withId)
    {
        var profile = new JsonObject { ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User") };
        if (withId)
        {
            profile["id"] = user.ScimId;
        }
        profile["userName"] = user.UserName;
        profile["name"] = new JsonObject { ["givenName"] = user.GivenName, ["familyName"] = user.FamilyName };
        profile["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["value"] = user.Email, ["type"] = "work" });
        profile["displayName"] = user.DisplayName;
        profile["title"] = user.Title;
        profile["locale"] = "en-US";
        profile["externalId"] = user.ExternalId;
        profile["groups"] = new JsonArray();
        profile["active"] = user.Active;
        return profile;
    }
}
