using System.Text.Json.Nodes;
using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Scim;

namespace Provisioning.Simulator.Entra;

/// <summary>
/// The requests Entra's provisioning service sends, shaped as in Microsoft's "Develop and plan
/// provisioning for a SCIM endpoint" and its list of known SCIM compliance issues: capitalised ops,
/// booleans as the strings "True"/"False", no-path replaces with dotted and URN-qualified keys.
/// </summary>
public static class EntraRequests
{
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>The group schema Entra names beside the core one on create.</summary>
    public const string AdScimGroup = "http://schemas.microsoft.com/2006/11/ResourceManagement/ADSCIM/2.0/Group";

    /// <summary>"Test Connection" looks up a user that cannot exist and expects an empty list.</summary>
    public static ScimRequest TestConnection(Guid probe) => ScimRequest.Get(EntraSteps.TestConnection, ScimPaths.Filter("Users", "userName", probe.ToString()));

    /// <summary>Before creating or updating a user Entra queries by its matching attribute: userName or externalId.</summary>
    public static ScimRequest FindUser(DirectoryUser user, EntraMatching matching) => ScimRequest.Get(EntraSteps.FindUser, matching == EntraMatching.ExternalId
        ? ScimPaths.Filter("Users", "externalId", user.ExternalId)
        : ScimPaths.Filter("Users", "userName", user.UserName));

    public static ScimRequest CreateUser(DirectoryUser user) => ScimRequest.Post(EntraSteps.CreateUser, "Users", new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:User", EnterpriseUser),
        ["externalId"] = user.ExternalId,
        ["userName"] = user.UserName,
        ["active"] = true,
        ["displayName"] = user.DisplayName,
        ["title"] = user.Title,
        ["emails"] = new JsonArray(new JsonObject { ["primary"] = true, ["type"] = "work", ["value"] = user.Email }),
        ["meta"] = new JsonObject { ["resourceType"] = "User" },
        ["name"] = new JsonObject { ["formatted"] = user.DisplayName, ["familyName"] = user.FamilyName, ["givenName"] = user.GivenName },
        ["roles"] = new JsonArray(),
        [EnterpriseUser] = new JsonObject { ["employeeNumber"] = user.ExternalId[..8], ["department"] = user.Department },
    });

    /// <summary>
    /// An update in the default job's dialect: capitalised ops with paths, and the manager as a bare string.
    /// </summary>
    public static ScimRequest UpdateWithPaths(DirectoryUser user) => Patch(EntraSteps.UpdateUser, $"Users/{user.ScimId}",
        Operation("Replace", "displayName", user.DisplayName),
        Operation("Replace", "name.familyName", user.FamilyName),
        Operation("Replace", "title", user.Title),
        Operation("Add", $"{EnterpriseUser}:department", user.Department),
        Operation("Add", $"{EnterpriseUser}:manager", user.Manager?.ScimId));

    /// <summary>An update as the SCIM-compliant job (aadOptscim062020) sends it: one replace without a path, dotted and URN keys.</summary>
    public static ScimRequest UpdateWithoutPath(DirectoryUser user) => Patch(EntraSteps.UpdateUser, $"Users/{user.ScimId}",
        new JsonObject
        {
            ["op"] = "replace",
            ["value"] = new JsonObject
            {
                ["displayName"] = user.DisplayName,
                ["name.familyName"] = user.FamilyName,
                ["title"] = user.Title,
                [$"{EnterpriseUser}:department"] = user.Department,
            },
        });

    /// <summary>Disable and enable: a capitalised Replace of "active" with the strings "False" and "True".</summary>
    public static ScimRequest SetActive(DirectoryUser user, bool active) => Patch(active ? EntraSteps.EnableUser : EntraSteps.DisableUser,
        $"Users/{user.ScimId}", Operation("Replace", "active", active ? "True" : "False"));

    public static ScimRequest DeleteUser(DirectoryUser user) => ScimRequest.Delete(EntraSteps.DeleteUser, $"Users/{user.ScimId}");

    public static ScimRequest FindGroup(DirectoryGroup group) =>
        ScimRequest.Get(EntraSteps.FindGroup, ScimPaths.Filter("Groups", "displayName", group.DisplayName, "excludedAttributes=members"));

    /// <summary>Groups are created without members; they follow in batches.</summary>
    public static ScimRequest CreateGroup(DirectoryGroup group) => ScimRequest.Post(EntraSteps.CreateGroup, "Groups", new JsonObject
    {
        ["schemas"] = new JsonArray("urn:ietf:params:scim:schemas:core:2.0:Group", AdScimGroup),
        ["externalId"] = group.ExternalId,
        ["displayName"] = group.DisplayName,
        ["meta"] = new JsonObject { ["resourceType"] = "Group" },
    });

    public static ScimRequest ReadGroup(DirectoryGroup group) => ScimRequest.Get(EntraSteps.ReadGroup, $"Groups/{group.ScimId}?excludedAttributes=members");

    public static ScimRequest AddMembers(DirectoryGroup group, IEnumerable<DirectoryUser> users) =>
        Patch(EntraSteps.AddMembers, $"Groups/{group.ScimId}", Members("Add", users));

    /// <summary>Entra's default job removes members by value array, not by a filtered path.</summary>
    public static ScimRequest RemoveMembers(DirectoryGroup group, IEnumerable<DirectoryUser> users) =>
        Patch(EntraSteps.RemoveMembers, $"Groups/{group.ScimId}", Members("Remove", users));

    public static ScimRequest RenameGroup(DirectoryGroup group) =>
        Patch(EntraSteps.RenameGroup, $"Groups/{group.ScimId}", Operation("Replace", "displayName", group.DisplayName));

    private static JsonObject Members(string op, IEnumerable<DirectoryUser> users) => new()
    {
        ["op"] = op,
        ["path"] = "members",
        ["value"] = new JsonArray([.. users.Select(u => (JsonNode)new JsonObject { ["$ref"] = null, ["value"] = u.ScimId })]),
    };

    private static JsonObject Operation(string op, string path, string? value) => new() { ["op"] = op, ["path"] = path, ["value"] = value };

    private static ScimRequest Patch(string step, string path, params JsonObject[] operations) => ScimRequest.Patch(step, path, new JsonObject
    {
        ["schemas"] = new JsonArray(PatchOp),
        // An attribute without a value (a manager not provisioned yet) is left out, as Entra does.
        ["Operations"] = new JsonArray([.. operations.Where(o => o["value"] is not null)]),
    });
}

/// <summary>The attribute Entra matches users on before it creates or updates one.</summary>
public enum EntraMatching
{
    UserName,
    ExternalId,
}
