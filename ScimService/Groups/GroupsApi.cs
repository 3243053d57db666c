using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.Querying;
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
            GroupRepresentation.ToScim(group, type, members is null ? null : members.GetValueOrDefault(group.Id) ?? [], call.Request));
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
            return new ScimJsonResult(StatusCodes.Status304NotModified, null, Preconditions.ETag(group.Version));
        }
        return await RespondAsync(call, db, group, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<ScimJsonResult> CreateAsync(ScimCall call, ScimDbContext db, ScimWrites writes, ILogger<ScimGroup> logger, CancellationToken cancellationToken)
    {
        var type = call.Schema.Group;
        var normalized = ResourceNormalizer.Normalize(await call.BodyAsync(cancellationToken), type);
        var connectionId = call.ConnectionId;
        await using var write = await writes.BeginAsync<ScimGroup>(call, cancellationToken);
        var group = GroupWriter.Create(connectionId, type, normalized.Attributes, write.Now);
        db.Groups.Add(group);
        await db.SaveUniqueAsync("displayName", cancellationToken);
        await write.Provisioning.CustomAttributesSentAsync(call.Operation("POST", "/Groups " + group.DisplayName), null, group.Id,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept, cancellationToken);
        if (normalized.Members is { Count: > 0 } members)
        {
            await AddMembersAsync(db, connectionId, group.Id, members.Select(m => m.Value), logger, cancellationToken);
        }
        // A new group has a new id, so no mapping can name it yet: no role changes.
        await write.Provisioning.GroupChangedAsync(call.Operation("POST", "/Groups " + group.DisplayName), group.Id,
            $"group '{group.DisplayName}' created with {normalized.Members?.Count ?? 0} member(s)", [], cancellationToken);
        await write.CommitAsync(cancellationToken);
        return await RespondAsync(call, db, group, StatusCodes.Status201Created, cancellationToken);
    }

    public static async Task<ScimJsonResult> ReplaceAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, ILogger<ScimGroup> logger, CancellationToken cancellationToken)
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
        GroupWriter.Write(group, type, normalized.Attributes);
        write.Touch();
        await db.SaveUniqueAsync("displayName", cancellationToken);
        await write.Provisioning.CustomAttributesSentAsync(call.Operation("PUT", $"/Groups/{group.Id}"), null, group.Id,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept, cancellationToken);
        // PUT replaces the members it names; a body without "members" leaves them as they are.
        var affected = new HashSet<Guid>();
        if (normalized.Members is { } members)
        {
            if (write.Provisioning.IsMapped(group.Id))
            {
                affected.UnionWith(await Memberships.UserMemberIdsAsync(db, connectionId, group.Id, cancellationToken));
                affected.UnionWith(MemberGuids(members.Select(m => m.Value)));
            }
            await Memberships.RemoveAllAsync(db, connectionId, group.Id, cancellationToken);
            await AddMembersAsync(db, connectionId, group.Id, members.Select(m => m.Value), logger, cancellationToken);
        }
        await write.Provisioning.GroupChangedAsync(call.Operation("PUT", $"/Groups/{group.Id}"), group.Id,
            $"group '{group.DisplayName}' replaced" + (normalized.Members is { } replaced ? $" with {replaced.Count} member(s)" : ""), affected, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return await RespondAsync(call, db, group, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<ScimJsonResult> PatchAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, ILogger<ScimGroup> logger, CancellationToken cancellationToken)
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
        await write.Provisioning.CustomAttributesSentAsync(call.Operation("PATCH", $"/Groups/{group.Id}"), null, group.Id,
            CustomAttributeReport.Of(result.Attributes, type, result.NotKept), result.NotKept, cancellationToken);
        var affected = write.Provisioning.IsMapped(group.Id)
            ? await AffectedUsersAsync(db, connectionId, group.Id, result.MembershipChanges, cancellationToken)
            : [];
        foreach (var change in result.MembershipChanges)
        {
            await ApplyAsync(db, connectionId, group.Id, change, logger, cancellationToken);
        }
        if (result.Changed || result.MembershipChanges.Count > 0)
        {
            GroupWriter.Write(group, type, result.Attributes);
            write.Touch();
            await db.SaveUniqueAsync("displayName", cancellationToken);
            await write.Provisioning.GroupChangedAsync(call.Operation("PATCH", $"/Groups/{group.Id}"), group.Id,
                $"group '{group.DisplayName}': {Describe(result.Changed, result.MembershipChanges)}", affected, cancellationToken);
        }
        await write.CommitAsync(cancellationToken);

        // Okta and Entra both accept 204 for a group PATCH; a group's members can be many, so
        // the body is sent only when the client asks for attributes.
        return call.AskedForAttributes
            ? await RespondAsync(call, db, group, StatusCodes.Status200OK, cancellationToken)
            : new ScimJsonResult(StatusCodes.Status204NoContent, null, Preconditions.ETag(group.Version));
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
        db.Groups.Remove(group);
        await db.SaveChangesAsync(cancellationToken);
        // The members' roles are recomputed without the deleted group (its mapping stays, matching nothing).
        await write.Provisioning.GroupChangedAsync(call.Operation("DELETE", $"/Groups/{group.Id}"), group.Id,
            $"group '{group.DisplayName}' deleted", affected, cancellationToken);
        await write.CommitAsync(cancellationToken);
        return new ScimJsonResult(StatusCodes.Status204NoContent, null);
    }

    private static async Task ApplyAsync(ScimDbContext db, Guid connectionId, Guid groupId, MembershipChange change, ILogger logger, CancellationToken cancellationToken)
    {
        switch (change)
        {
            case AddMembers add:
                await AddMembersAsync(db, connectionId, groupId, add.Members.Select(m => m.Value), logger, cancellationToken);
                break;
            case RemoveMembers remove:
                await Memberships.RemoveAsync(db, connectionId, groupId, remove.MemberIds, cancellationToken);
                break;
            case RemoveAllMembers:
                await Memberships.RemoveAllAsync(db, connectionId, groupId, cancellationToken);
                break;
            case ReplaceMembers replace:
                await Memberships.RemoveAllAsync(db, connectionId, groupId, cancellationToken);
                await AddMembersAsync(db, connectionId, groupId, replace.Members.Select(m => m.Value), logger, cancellationToken);
                break;
        }
    }

    /// <summary>
    /// An IdP does not retry a 400, so one unknown member id must not lose a whole push: the
    /// known members are added, the unknown ids are skipped and logged.
    /// </summary>
    private static async Task AddMembersAsync(ScimDbContext db, Guid connectionId, Guid groupId, IEnumerable<string> values, ILogger logger, CancellationToken cancellationToken)
    {
        var unknown = await Memberships.AddAsync(db, connectionId, groupId, values, cancellationToken);
        if (unknown.Count > 0)
        {
            logger.LogWarning("Skipped {Count} member id(s) of group {GroupId} that name no user or group of connection {ConnectionId}: {MemberIds}",
                unknown.Count, groupId, connectionId, string.Join(", ", unknown.Take(20).Select(v => ListQuery.Shorten(v))));
        }
    }

    /// <summary>The users whose membership this PATCH may change: only read for a group mapped to a role.</summary>
    private static async Task<HashSet<Guid>> AffectedUsersAsync(ScimDbContext db, Guid connectionId, Guid groupId, IReadOnlyList<MembershipChange> changes, CancellationToken cancellationToken)
    {
        var affected = new HashSet<Guid>();
        if (changes.Any(c => c is RemoveAllMembers or ReplaceMembers))
        {
            affected.UnionWith(await Memberships.UserMemberIdsAsync(db, connectionId, groupId, cancellationToken));
        }
        foreach (var change in changes)
        {
            affected.UnionWith(change switch
            {
                AddMembers add => MemberGuids(add.Members.Select(m => m.Value)),
                ReplaceMembers replace => MemberGuids(replace.Members.Select(m => m.Value)),
                RemoveMembers remove => MemberGuids(remove.MemberIds),
                _ => [],
            });
        }
        return affected;
    }

    private static IEnumerable<Guid> MemberGuids(IEnumerable<string> values) =>
        values.Select(v => Guid.TryParse(v, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty);

    private static string Describe(bool attributesChanged, IReadOnlyList<MembershipChange> changes)
    {
        var parts = changes.Select(change => change switch
        {
            AddMembers add => $"{add.Members.Count} member(s) added",
            RemoveMembers remove => $"{remove.MemberIds.Count} member(s) removed",
            ReplaceMembers replace => $"members replaced with {replace.Members.Count}",
            _ => "all members removed",
        }).ToList();
        if (attributesChanged)
        {
            parts.Insert(0, "attributes changed");
        }
        return string.Join(", ", parts);
    }

    private static async Task<ScimJsonResult> RespondAsync(ScimCall call, ScimDbContext db, ScimGroup group, int status, CancellationToken cancellationToken)
    {
        var type = call.Schema.Group;
        var members = AttributeProjection.Includes(type, "members", call.Projection.Attributes, call.Projection.ExcludedAttributes)
            ? (await Memberships.MembersOfAsync(db, group.ConnectionId, [group.Id], cancellationToken)).GetValueOrDefault(group.Id) ?? []
            : null;
        return ScimResponses.Resource(GroupRepresentation.ToScim(group, type, members, call.Request), type, call.Projection, group.Version, status);
    }
}
