using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Listing;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Writes;

namespace Provisioning.ScimService.Users;

/// <summary>/Users: RFC 7644 §3.3–3.6 for the User resource type. Bulk calls the same operations.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder scim)
    {
        var users = scim.MapGroup("/Users");
        users.MapGet("/", ListAsync);
        users.MapPost("/.search", SearchAsync);
        users.MapPost("/", CreateAsync);
        users.MapGet("/{id}", GetAsync);
        users.MapPut("/{id}", ReplaceAsync);
        users.MapPatch("/{id}", PatchAsync);
        users.MapDelete("/{id}", DeleteAsync);
    }

    private static Task<ScimJsonResult> ListAsync(ScimCall call, ScimDbContext db, CancellationToken cancellationToken) =>
        ListPageAsync(call, call.QueryStringListQuery(), db, cancellationToken);

    private static async Task<ScimJsonResult> SearchAsync(ScimCall call, ScimDbContext db, CancellationToken cancellationToken) =>
        await ListPageAsync(call, ListQuery.FromSearchRequest(await call.BodyAsync(cancellationToken)), db, cancellationToken);

    /// <summary>One page of the connection's users (also a part of a search across resource types).</summary>
    public static async Task<ScimJsonResult> ListPageAsync(ScimCall call, ListQuery query, ScimDbContext db, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        if (await UserLookup.TryFindAsync(db, call.ConnectionId, query, cancellationToken) is { } found)
        {
            return ScimResponses.List(found, query, type, row => UserRepresentation.ToScim(row.User, row.Groups, call.Request));
        }
        var withGroups = AttributeProjection.Includes(type, "groups", query.Projection.Attributes, query.Projection.ExcludedAttributes);
        if (withGroups && query.SortBy is null)
        {
            // In id order (an IdP's look-up, or paging) the page and its users' groups come in one statement.
            var rows = await ResourceListing.ListInIdOrderAsync<ScimUser, UserWithGroups>(db, "scim_users", call.ConnectionId, query, type,
                users => users.Select(UserGroupsProjection.WithGroups(db, call.ConnectionId)), row => row.User.Id, cancellationToken);
            return ScimResponses.List(rows, query, type, row => UserRepresentation.ToScim(row.User, row.Groups, call.Request));
        }
        var page = await ResourceListing.ListAsync<ScimUser>(db, "scim_users", call.ConnectionId, query, type, cancellationToken);
        var groups = withGroups
            ? await Memberships.GroupsOfAsync(db, call.ConnectionId, page.Resources.Select(u => u.Id).ToList(), cancellationToken)
            : null;
        return ScimResponses.List(page, query, type, user => UserRepresentation.ToScim(user, groups?.GetValueOrDefault(user.Id), call.Request));
    }

    private static async Task<ScimJsonResult> GetAsync(string id, ScimCall call, ScimDbContext db, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        var found = Guid.TryParse(id, out var userId)
            ? await UserReads.FindAsync(db, call.ConnectionId, userId, ShowsGroups(call), cancellationToken)
            : null;
        if (found is not { User: var user })
        {
            return ScimResponses.NotFound("User", id);
        }
        if (Preconditions.NotModified(call.Request, user.Version))
        {
            return new ScimJsonResult(StatusCodes.Status304NotModified, null, Meta.ETag(user.Version));
        }
        return ScimResponses.Resource(UserRepresentation.ToScim(user, found.Groups, call.Request), type, call.Projection);
    }

    public static async Task<ScimJsonResult> CreateAsync(ScimCall call, ScimDbContext db, ScimWrites writes, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        var normalized = ResourceNormalizer.Normalize(await call.BodyAsync(cancellationToken), type);
        await using var write = await writes.BeginAsync<ScimUser>(call, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var user = UserWriter.Create(call.ConnectionId, type, normalized.Attributes, write.Now);
        db.Users.Add(user);
        write.Provisioning.CustomAttributesSent(call.Operation("POST", "/Users " + user.UserName), user.Id, null,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept);
        await write.Provisioning.UserChangedAsync(call.Operation("POST", "/Users " + user.UserName), null, user.ToSnapshot(normalized.Attributes), cancellationToken);
        // The user's row, its account and the log entries in one batch.
        await write.SaveAndCommitAsync("userName", cancellationToken);
        // A new user is in no group yet.
        return Respond(call, user, null, StatusCodes.Status201Created);
    }

    public static async Task<ScimJsonResult> ReplaceAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        var normalized = ResourceNormalizer.Normalize(await call.BodyAsync(cancellationToken), type);
        List<GroupReference>? groups = null;
        await using var write = await writes.OpenAsync<ScimUser>(call, "User", id, cancellationToken, LockWithGroups(call, db, shown => groups = shown));
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var user = write.Resource;
        var before = user.ToSnapshot();
        UserWriter.Write(user, type, normalized.Attributes);
        write.Touch();
        write.Provisioning.CustomAttributesSent(call.Operation("PUT", $"/Users/{user.Id}"), user.Id, null,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept);
        await write.Provisioning.UserChangedAsync(call.Operation("PUT", $"/Users/{user.Id}"), before, user.ToSnapshot(normalized.Attributes), cancellationToken);
        await write.SaveAndCommitAsync("userName", cancellationToken);
        return Respond(call, user, groups, StatusCodes.Status200OK);
    }

    public static async Task<ScimJsonResult> PatchAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, CancellationToken cancellationToken)
    {
        var body = await call.BodyAsync(cancellationToken);
        List<GroupReference>? groups = null;
        await using var write = await writes.OpenAsync<ScimUser>(call, "User", id, cancellationToken, LockWithGroups(call, db, shown => groups = shown));
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var user = write.Resource;
        var type = call.Schema.User;
        var result = PatchEngine.Apply(body, JsonNode.Parse(user.Attributes)!.AsObject(), type);
        write.Provisioning.CustomAttributesSent(call.Operation("PATCH", $"/Users/{user.Id}"), user.Id, null,
            CustomAttributeReport.Of(result.Attributes, type, result.NotKept), result.NotKept);
        // IdPs resend the same PATCH; an unchanged user keeps its version. A password alone
        // changes nothing: it is never stored.
        if (result.AttributesChanged)
        {
            var before = user.ToSnapshot();
            UserWriter.Write(user, type, result.Attributes);
            write.Touch();
            await write.Provisioning.UserChangedAsync(call.Operation("PATCH", $"/Users/{user.Id}"), before, user.ToSnapshot(result.Attributes), cancellationToken);
        }
        await write.SaveAndCommitAsync("userName", cancellationToken);
        return Respond(call, user, groups, StatusCodes.Status200OK);
    }

    public static async Task<ScimJsonResult> DeleteAsync(string id, ScimCall call, ScimDbContext db, ScimWrites writes, CancellationToken cancellationToken)
    {
        await using var write = await writes.OpenAsync<ScimUser>(call, "User", id, cancellationToken);
        if (write.Refusal is { } refused)
        {
            return refused;
        }
        var user = write.Resource;
        // The policy runs while the account still points to the user; the user's row goes after.
        await write.Provisioning.UserChangedAsync(call.Operation("DELETE", $"/Users/{user.Id}"), user.ToSnapshot(), null, cancellationToken);
        await Memberships.RemoveMemberEverywhereAsync(db, call.ConnectionId, user.Id, cancellationToken);
        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        await write.CommitAsync(cancellationToken);
        return new ScimJsonResult(StatusCodes.Status204NoContent, null);
    }

    private static bool ShowsGroups(ScimCall call) =>
        AttributeProjection.Includes(call.Schema.User, "groups", call.Projection.Attributes, call.Projection.ExcludedAttributes);

    /// <summary>
    /// Locks the user's row and, when the response shows them, reads its groups in the same statement:
    /// a user's PUT or PATCH never changes its groups, so they are read once, before the write.
    /// </summary>
    private static Func<IQueryable<ScimUser>, CancellationToken, Task<ScimUser?>> LockWithGroups(ScimCall call, ScimDbContext db, Action<List<GroupReference>?> shown) =>
        async (locked, cancellationToken) =>
        {
            if (!ShowsGroups(call))
            {
                return (await locked.ToListAsync(cancellationToken)).SingleOrDefault();
            }
            var row = (await locked.Select(UserGroupsProjection.WithGroups(db, call.ConnectionId)).ToListAsync(cancellationToken)).SingleOrDefault();
            shown(row?.Groups);
            return row?.User;
        };

    private static ScimJsonResult Respond(ScimCall call, ScimUser user, List<GroupReference>? groups, int status)
    {
        var type = call.Schema.User;
        return ScimResponses.Resource(UserRepresentation.ToScim(user, groups, call.Request), type, call.Projection, status);
    }
}
