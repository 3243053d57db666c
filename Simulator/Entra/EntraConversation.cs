using Provisioning.Simulator.Conversations;
using Provisioning.Simulator.Directory;
using Provisioning.Simulator.Scim;
using static Provisioning.Simulator.Checks.Checks;
using static Provisioning.Simulator.Checks.ScimChecks;

namespace Provisioning.Simulator.Entra;

/// <summary>
/// Entra's provisioning service, request for request: a Test Connection that must find nobody; before
/// every create or update a query by the matching attribute; PATCHes in its own dialect; disable, then
/// delete; groups read without members and their membership changed in batches.
/// </summary>
public sealed class EntraConversation(ScimSession scim, IdpDirectory directory, EntraMatching matching) : IdpConversation(scim, directory)
{
    /// <summary>How many members one PATCH carries at most (ours: Entra batches, the size is a choice here).</summary>
    public const int MemberBatchSize = 50;

    private int _updates;

    public override IdentityProvider Idp => IdentityProvider.Entra;

    public override async Task<bool> ConnectAsync(CancellationToken cancellationToken) =>
        (await Scim.SendAsync(EntraRequests.TestConnection(Guid.NewGuid()), FindsNothing, cancellationToken)).Passed;

    public override async Task ProvisionUserAsync(DirectoryUser user, CancellationToken cancellationToken)
    {
        var found = await Scim.SendAsync(EntraRequests.FindUser(user, matching), ListResponse, cancellationToken);
        if (!found.Passed)
        {
            return;
        }
        if (Checks.JsonPaths.String(found.Response.Body, "Resources[0].id") is { } existing)
        {
            user.ScimId = existing;
            await PatchProfileAsync(user, cancellationToken);
            return;
        }
        var created = await Scim.SendAsync(EntraRequests.CreateUser(user),
            All(UserCreated(user.UserName, user.GivenName, user.FamilyName), Equal("externalId", user.ExternalId)), cancellationToken);
        if (created.Passed)
        {
            user.ScimId = created.Response.String("id");
        }
    }

    /// <summary>Entra does not trust what it stored: it queries the user again before it patches it.</summary>
    private async Task<bool> FindAgainAsync(DirectoryUser user, CancellationToken cancellationToken) =>
        (await Scim.SendAsync(EntraRequests.FindUser(user, matching), FindsOne(user.ScimId!), cancellationToken, user.ScimId)).Passed;

    public override async Task PushProfileAsync(DirectoryUser user, CancellationToken cancellationToken)
    {
        if (await FindAgainAsync(user, cancellationToken))
        {
            await PatchProfileAsync(user, cancellationToken);
        }
    }

    /// <summary>Alternates the default job's dialect and the SCIM-compliant one, so both reach the server.</summary>
    private Task PatchProfileAsync(DirectoryUser user, CancellationToken cancellationToken)
    {
        var request = _updates++ % 2 == 0 ? EntraRequests.UpdateWithPaths(user) : EntraRequests.UpdateWithoutPath(user);
        return Scim.SendAsync(request, Patched(user.ScimId!, Equal("name.familyName", user.FamilyName), Equal("title", user.Title)), cancellationToken, user.ScimId);
    }

    public override async Task SetActiveAsync(DirectoryUser user, bool active, CancellationToken cancellationToken)
    {
        if (await FindAgainAsync(user, cancellationToken))
        {
            await Scim.SendAsync(EntraRequests.SetActive(user, active), Patched(user.ScimId!, BooleanEquals("active", active)), cancellationToken, user.ScimId);
        }
    }

    /// <summary>Unassigned: disabled first, then (when the object is deleted in Entra) deleted.</summary>
    public override async Task OffboardAsync(DirectoryUser user, CancellationToken cancellationToken)
    {
        await SetActiveAsync(user, false, cancellationToken);
        await Scim.SendAsync(EntraRequests.DeleteUser(user), Deleted, cancellationToken, user.ScimId);
    }

    public override async Task PushGroupAsync(DirectoryGroup group, CancellationToken cancellationToken)
    {
        if (!(await Scim.SendAsync(EntraRequests.FindGroup(group), FindsNothing, cancellationToken)).Passed)
        {
            return;
        }
        var created = await Scim.SendAsync(EntraRequests.CreateGroup(group),
            All(GroupCreated(group.DisplayName), Equal("externalId", group.ExternalId)), cancellationToken);
        if (!created.Passed)
        {
            return;
        }
        group.ScimId = created.Response.String("id");
        await Scim.SendAsync(EntraRequests.ReadGroup(group), All(Group(group.ScimId!), Absent("members")), cancellationToken, group.ScimId);
        await ChangeMembersAsync(group, group.Members, [], cancellationToken);
    }

    public override Task MoveMemberAsync(DirectoryUser user, DirectoryGroup from, DirectoryGroup to, CancellationToken cancellationToken) =>
        ApplyAsync([new MemberMoved(user, from, to)], cancellationToken);

    protected override Task JoinAsync(DirectoryUser user, DirectoryGroup group, CancellationToken cancellationToken) =>
        ChangeMembersAsync(group, [user], [], cancellationToken);

    public override async Task RenameGroupAsync(DirectoryGroup group, CancellationToken cancellationToken)
    {
        if (group.ScimId is not null)
        {
            await Scim.SendAsync(EntraRequests.RenameGroup(group), GroupPatched(group.ScimId), cancellationToken, group.ScimId);
        }
    }

    /// <summary>A sync cycle: user changes first, then each group's membership changes gathered into batches.</summary>
    public override async Task ApplyAsync(IReadOnlyList<Change> changes, CancellationToken cancellationToken)
    {
        foreach (var change in changes.Where(c => c is not MemberMoved))
        {
            await ApplyAsync(change, cancellationToken);
        }
        var moves = changes.OfType<MemberMoved>().ToList();
        foreach (var group in moves.SelectMany(m => new[] { m.From, m.To }).Distinct())
        {
            await ChangeMembersAsync(group,
                moves.Where(m => m.To == group).Select(m => m.User).ToList(),
                moves.Where(m => m.From == group).Select(m => m.User).ToList(), cancellationToken);
        }
    }

    private async Task ChangeMembersAsync(DirectoryGroup group, IReadOnlyCollection<DirectoryUser> added, IReadOnlyCollection<DirectoryUser> removed, CancellationToken cancellationToken)
    {
        if (group.ScimId is null)
        {
            return;
        }
        foreach (var batch in removed.Where(u => u.ScimId is not null).Chunk(MemberBatchSize))
        {
            await Scim.SendAsync(EntraRequests.RemoveMembers(group, batch), GroupPatched(group.ScimId), cancellationToken, group.ScimId);
        }
        foreach (var batch in added.Where(u => u.ScimId is not null).Chunk(MemberBatchSize))
        {
            await Scim.SendAsync(EntraRequests.AddMembers(group, batch), GroupPatched(group.ScimId), cancellationToken, group.ScimId);
        }
    }
}
