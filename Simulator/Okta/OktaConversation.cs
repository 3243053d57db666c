using Provisioning.Simulator.Conversations;
using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Scim;
using static Provisioning.Simulator.Checks.Checks;
using static Provisioning.Simulator.Checks.ScimChecks;

namespace Provisioning.Simulator.Okta;

/// <summary>
/// Okta's side, request for request as its SCIM 2.0 reference and spec test describe: test the
/// credentials, import, look a user up before creating it, push whole profiles with PUT, deactivate
/// with a path-less replace, push groups and their membership with PATCH.
/// </summary>
public sealed class OktaConversation(ScimSession scim, IdpDirectory directory) : IdpConversation(scim, directory)
{
    public override IdentityProvider Idp => IdentityProvider.Okta;

    public override async Task<bool> ConnectAsync(CancellationToken cancellationToken)
    {
        var test = await Scim.SendAsync(OktaRequests.TestCredentials(), All(ListResponse, ListedUsersAreComplete), cancellationToken);
        if (!test.Passed)
        {
            return false;
        }
        await ImportAsync(OktaRequests.ImportUsers, cancellationToken);
        await ImportAsync(OktaRequests.ImportGroups, cancellationToken);
        return true;
    }

    /// <summary>Import reads page after page (startIndex += what came back) until totalResults is reached.</summary>
    private async Task ImportAsync(Func<int, ScimRequest> page, CancellationToken cancellationToken)
    {
        for (var startIndex = 1; ;)
        {
            var result = await Scim.SendAsync(page(startIndex), ListResponse, cancellationToken);
            var total = Checks.JsonPaths.Integer(result.Response.Body, "totalResults") ?? 0;
            var count = (result.Response.Object?["Resources"] as System.Text.Json.Nodes.JsonArray)?.Count ?? 0;
            startIndex += count;
            if (!result.Passed || count == 0 || startIndex > total)
            {
                return;
            }
        }
    }

    public override async Task ProvisionUserAsync(DirectoryUser user, CancellationToken cancellationToken)
    {
        // Okta accepts an empty ListResponse or a 404 error when nobody matches.
        var found = await Scim.SendAsync(OktaRequests.FindUser(user), response => response.Status == 404 ? null : ListResponse(response), cancellationToken);
        if (!found.Passed)
        {
            return;
        }
        if (found.Response.Status == 200 && Checks.JsonPaths.String(found.Response.Body, "Resources[0].id") is { } existing)
        {
            // A match: Okta links the user it found and pushes its profile over it.
            user.ScimId = existing;
            await PushProfileAsync(user, cancellationToken);
            return;
        }
        var created = await Scim.SendAsync(OktaRequests.CreateUser(user), UserCreated(user.UserName, user.GivenName, user.FamilyName), cancellationToken);
        if (created.Passed)
        {
            user.ScimId = created.Response.String("id");
        }
    }

    public override async Task PushProfileAsync(DirectoryUser user, CancellationToken cancellationToken)
    {
        var id = user.ScimId!;
        if ((await Scim.SendAsync(OktaRequests.ReadUser(user), User(id), cancellationToken, id)).Passed)
        {
            await Scim.SendAsync(OktaRequests.PushProfile(user),
                All(User(id), Equal("name.familyName", user.FamilyName), Equal("title", user.Title), BooleanEquals("active", user.Active)),
                cancellationToken, id);
        }
    }

    public override Task SetActiveAsync(DirectoryUser user, bool active, CancellationToken cancellationToken) =>
        SendActiveAsync(active ? OktaSteps.Reactivate : OktaSteps.Deactivate, user, active, cancellationToken);

    /// <summary>Unassigning the app deactivates the user; Okta never deletes one.</summary>
    public override Task OffboardAsync(DirectoryUser user, CancellationToken cancellationToken) =>
        SendActiveAsync(OktaSteps.Unassign, user, false, cancellationToken);

    private Task SendActiveAsync(string step, DirectoryUser user, bool active, CancellationToken cancellationToken) =>
        Scim.SendAsync(OktaRequests.SetActive(step, user, active), Patched(user.ScimId!, BooleanEquals("active", active)), cancellationToken, user.ScimId);

    public override async Task PushGroupAsync(DirectoryGroup group, CancellationToken cancellationToken)
    {
        var created = await Scim.SendAsync(OktaRequests.PushGroup(group), GroupCreated(group.DisplayName), cancellationToken);
        if (!created.Passed)
        {
            return;
        }
        group.ScimId = created.Response.String("id");
        foreach (var batch in group.Members.Where(m => m.ScimId is not null).Chunk(OktaRequests.PageSize))
        {
            await Scim.SendAsync(OktaRequests.AddMembers(group, batch), GroupPatched(group.ScimId!), cancellationToken, group.ScimId);
        }
        await SyncNameAsync(group, cancellationToken);
    }

    public override async Task MoveMemberAsync(DirectoryUser user, DirectoryGroup from, DirectoryGroup to, CancellationToken cancellationToken)
    {
        if (from.ScimId is not null)
        {
            await Scim.SendAsync(OktaRequests.RemoveMember(from, user), GroupPatched(from.ScimId), cancellationToken, from.ScimId);
            await SyncNameAsync(from, cancellationToken);
        }
        await JoinAsync(user, to, cancellationToken);
    }

    protected override async Task JoinAsync(DirectoryUser user, DirectoryGroup group, CancellationToken cancellationToken)
    {
        if (group.ScimId is not null)
        {
            await Scim.SendAsync(OktaRequests.AddMembers(group, [user]), GroupPatched(group.ScimId), cancellationToken, group.ScimId);
            await SyncNameAsync(group, cancellationToken);
        }
    }

    public override async Task RenameGroupAsync(DirectoryGroup group, CancellationToken cancellationToken)
    {
        if (group.ScimId is not null)
        {
            await Scim.SendAsync(OktaRequests.RenameGroup(group), GroupPatched(group.ScimId), cancellationToken, group.ScimId);
        }
    }

    /// <summary>"The group name update operation is triggered each time there is a group membership update operation."</summary>
    private Task SyncNameAsync(DirectoryGroup group, CancellationToken cancellationToken) =>
        Scim.SendAsync(OktaRequests.RenameGroup(group) with { Step = OktaSteps.SyncGroupName }, GroupPatched(group.ScimId!), cancellationToken, group.ScimId);
}
