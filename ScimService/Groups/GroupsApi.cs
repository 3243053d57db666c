using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Listing;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Writes;

namespace Provisioning.ScimService.Groups;

/// <summary>/Groups: RFC 7644 §3.3–3.6 for the Group resource type; members are written as deltas.</summary>
public static class GroupsApi
{
    public static void MapGroupsApi(this RouteGroupBuilder scim)
    {
        var groups = scim.MapGroup("/Groups");
        groups.MapGet("/", ListAsync);
        groups.MapPost("/.search", SearchAsync);
        groups.MapPost("/", CreateAsync);
        groups.MapGet("/{id}", GetAsync);
        groups.MapPut("/{id}", ReplaceAsync);
        groups.MapPatch("/{id}", PatchAsync);
        groups.MapDelete("/{id}", DeleteAsync);
    }

    private static Task<ScimJsonResult> ListAsync(ScimCall call, ScimDbContext db, CancellationToken cancellationToken) =>
        ListPageAsync(call, call.QueryStringListQuery(), db, cancellationToken);

    private static async Task<ScimJsonResult> SearchAsync(ScimCall call, ScimDbContext db, CancellationToken cancellationToken) =>
        await ListPageAsync(call, ListQuery.FromSearchRequest(await call.BodyAsync(cancellationToken)), db, cancellationToken);

    /// <summary>One page of the connection's groups (also a part of a search across resource types).</summary>
    public static async Task<ScimJsonResult> ListPageAsync(ScimCall call, ListQuery query, ScimDbContext db, CancellationToken cancellationToken)
    {
        var type = call.Schema.Group;
        var page = await ResourceListing.ListAsync<ScimGroup>(db, "scim_groups", call.ConnectionId, query, type, cancellationToken);
        // Entra lists with excludedAttributes=members: then no member row is read.
        var withMembers = AttributeProjection.Includes(type, "members", query.Projection.Attributes, query.Projection.ExcludedAttributes);
        if (withMembers)
        {
            page = await MemberBudget.FitAsync(page, query, db, call.ConnectionId, cancellationToken);
        }
        var members = withMembers
            ? await Memberships.MembersOfAsync(db, call.ConnectionId, page.Resources.Select(g => g.Id).ToList(), cancellationToken)
            : null;
        return ScimResponses.List(page, query, type, group =>
            GroupRepresentation.ToScim(group, members is null ? null : members.GetValueOrDefault(group.Id) ?? [], call.Request));
    }

    private static async Task<ScimJsonResult> GetAsync(string id, ScimCall call, ScimDbContext db, CancellationToken cancellationToken)
    {
        var group = Guid.TryParse(id, out var groupId)
            ? await db.Groups.AsNoTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.ConnectionId == call.ConnectionId, cancellationToken)
            : null;
        if (group is null)
        {
            return ScimResponses.NotFound("Group", id);
        }
        if (Preconditions.NotModified(call.Request, group.Version))
        {
            return new ScimJsonResult(StatusCodes.Status304NotModified, null, Meta.ETag(group.Version));
        }
        return await RespondAsync(call, db, group, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<ScimJsonResult> CreateAsync(ScimCall call, ScimDbContext db, ScimWrites writes, MembershipDeltas memberships, CancellationToken cancellationToken)
    {
        var type = call.Schema.Group;
        var normalized = ResourceNormalizer.Normalize(await call.BodyAsync(cancellationToken), type);
        var connectionId = call.ConnectionId;
        await using var write = await writes.BeginAsync<ScimGroup>(call, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var group = GroupWriter.Create(connectionId, type, normalized.Attributes, write.Now);
        db.Groups.Add(group);
        write.Provisioning.CustomAttributesSent(call.Operation("POST", "/Groups " + group.DisplayName), null, group.Id,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept);
        if (normalized.Members is { Count: > 0 } members)
        {
            // The member rows point to the group's row: it is written first.
            await db.SaveUniqueAsync("displayName", cancellationToken);
            await memberships.ApplyAsync(connectionId, group.Id, new AddMembers(members), cancellationToken);
        }
        // A new group has a new id, so no mapping can name it yet: no role changes.
        await write.Provisioning.GroupChangedAsync(call.Operation("POST", "/Groups " + group.DisplayName), group.Id,
            $"group '{group.DisplayName}' created with {normalized.Members?.Count ?? 0} member(s)", [], cancellationToken);
        await write.SaveAndCommitAsync("displayName", cancellationToken);
        return await RespondAsync(call, db, group, StatusCodes.Status201Created, cancellationToken);
    }

    public static async Task<ScimJsonResult> ReplaceAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, MembershipDeltas memberships, CancellationToken cancellationToken)
    {
        var type = call.Schema.Group;
        var normalized = ResourceNormalizer.Normalize(await call.BodyAsync(cancellationToken), type);
        var connectionId = call.ConnectionId;
        await using var write = await writes.OpenAsync<ScimGroup>(call, "Group", id, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var group = write.Resource;
        // Okta and Entra push a group as it is again: like an unchanged PATCH, that keeps the version and logs nothing.
        var attributesChanged = GroupWriter.Changes(group, type, normalized.Attributes);
        if (attributesChanged)
        {
            GroupWriter.Write(group, type, normalized.Attributes);
        }
        write.Provisioning.CustomAttributesSent(call.Operation("PUT", $"/Groups/{group.Id}"), null, group.Id,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept);
        // PUT replaces the members it names; a body without "members" leaves them as they are.
        var affected = new HashSet<Guid>();
        var moved = new MemberRowsMoved();
        if (normalized.Members is { } members)
        {
            var replace = new ReplaceMembers(members);
            if (write.Provisioning.IsMapped(group.Id))
            {
                affected = await memberships.AffectedUsersAsync(connectionId, group.Id, [replace], cancellationToken);
            }
            moved = await memberships.ApplyAsync(connectionId, group.Id, replace, cancellationToken);
        }
        if (attributesChanged || moved.Any)
        {
            write.Touch();
            await write.Provisioning.GroupChangedAsync(call.Operation("PUT", $"/Groups/{group.Id}"), group.Id,
                $"group '{group.DisplayName}' replaced" + (moved.Any ? $": {moved.Summary}" : ""), affected, cancellationToken);
        }
        // The group's row, role changes and log entries in one batch.
        await write.SaveAndCommitAsync("displayName", cancellationToken);
        return await RespondAsync(call, db, group, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<ScimJsonResult> PatchAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, MembershipDeltas memberships, CancellationToken cancellationToken)
    {
        var body = await call.BodyAsync(cancellationToken);
        var connectionId = call.ConnectionId;
        // The row lock queues concurrent PATCHes of one group; the member rows themselves are never read.
        await using var write = await writes.OpenAsync<ScimGroup>(call, "Group", id, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var group = write.Resource;
        var type = call.Schema.Group;
        var result = PatchEngine.Apply(body, JsonNode.Parse(group.Attributes)!.AsObject(), type);
        write.Provisioning.CustomAttributesSent(call.Operation("PATCH", $"/Groups/{group.Id}"), null, group.Id,
            CustomAttributeReport.Of(result.Attributes, type, result.NotKept), result.NotKept);
        var affected = write.Provisioning.IsMapped(group.Id)
            ? await memberships.AffectedUsersAsync(connectionId, group.Id, result.MembershipChanges, cancellationToken)
            : [];
        // IdPs resend memberships: a PATCH that moves no member row and no attribute keeps the version (RFC 7644
        // §3.5.2.1), writes no group row and logs nothing. The writes say what they moved; nothing is read first.
        var moved = new MemberRowsMoved();
        foreach (var change in result.MembershipChanges)
        {
            moved += await memberships.ApplyAsync(connectionId, group.Id, change, cancellationToken);
        }
        if (result.AttributesChanged || moved.Any)
        {
            GroupWriter.Write(group, type, result.Attributes);
            write.Touch();
            await write.Provisioning.GroupChangedAsync(call.Operation("PATCH", $"/Groups/{group.Id}"), group.Id,
                $"group '{group.DisplayName}': {Describe(result.AttributesChanged, moved)}", affected, cancellationToken);
        }
        // The group's row (its new version), role changes and log entries in one batch.
        await write.SaveAndCommitAsync("displayName", cancellationToken);

        // Okta and Entra both accept 204 for a group PATCH; a group's members can be many, so
        // the body is sent only when the client asks for attributes.
        return call.AskedForAttributes
            ? await RespondAsync(call, db, group, StatusCodes.Status200OK, cancellationToken)
            : new ScimJsonResult(StatusCodes.Status204NoContent, null, Meta.ETag(group.Version));
    }

    public static async Task<ScimJsonResult> DeleteAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, CancellationToken cancellationToken)
    {
        var connectionId = call.ConnectionId;
        await using var write = await writes.OpenAsync<ScimGroup>(call, "Group", id, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var group = write.Resource;
        IReadOnlyCollection<Guid> affected = write.Provisioning.IsMapped(group.Id)
            ? await Memberships.UserMemberIdsAsync(db, connectionId, group.Id, cancellationToken)
            : [];
        await Memberships.RemoveMemberEverywhereAsync(db, connectionId, group.Id, cancellationToken);
        // Deleting the row deletes its member rows (the key cascades) before the roles are recomputed.
        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        // The members' roles are recomputed without the deleted group (its mapping stays, matching nothing).
        await write.Provisioning.GroupChangedAsync(call.Operation("DELETE", $"/Groups/{group.Id}"), group.Id,
            $"group '{group.DisplayName}' deleted", affected, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return new ScimJsonResult(StatusCodes.Status204NoContent, null);
    }

    private static string Describe(bool attributesChanged, MemberRowsMoved moved) => (attributesChanged, moved.Any) switch
    {
        (true, true) => "attributes changed, " + moved.Summary,
        (true, false) => "attributes changed",
        _ => moved.Summary,
    };

    private static async Task<ScimJsonResult> RespondAsync(ScimCall call, ScimDbContext db, ScimGroup group, int status, CancellationToken cancellationToken)
    {
        var type = call.Schema.Group;
        var members = AttributeProjection.Includes(type, "members", call.Projection.Attributes, call.Projection.ExcludedAttributes)
            ? (await Memberships.MembersOfAsync(db, group.ConnectionId, [group.Id], cancellationToken)).GetValueOrDefault(group.Id) ?? []
            : null;
        return ScimResponses.Resource(GroupRepresentation.ToScim(group, members, call.Request), type, call.Projection, status);
    }
}
