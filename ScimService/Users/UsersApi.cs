using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Patching;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Protocol.Resources;
using Provisioning.ScimService.Protocol.Schemas;
using Provisioning.ScimService.Querying;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Users;

/// <summary>/Users: RFC 7644 §3.3–3.6 for the User resource type. Bulk calls the same operations.</summary>
public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder scim)
    {
        var users = scim.MapGroup("/Users");
        users.MapGet("/", (HttpContext http, ScimDbContext db, CancellationToken ct) =>
            ListAsync(ScimCall.From(http), ListQuery.FromQueryString(ScimCall.QueryParameters(http.Request)), db, ct));
        users.MapPost("/.search", async (HttpContext http, ScimDbContext db, CancellationToken ct) =>
            await ListAsync(ScimCall.From(http), ListQuery.FromSearchRequest(await ScimRequestBody.ReadObjectAsync(http.Request, ct)), db, ct));
        users.MapPost("/", async (HttpContext http, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, CancellationToken ct) =>
            await CreateAsync(ScimCall.From(http), await ScimRequestBody.ReadObjectAsync(http.Request, ct), db, engine, clock, ct));
        users.MapGet("/{id}", GetAsync);
        users.MapPut("/{id}", async (string id, HttpContext http, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, CancellationToken ct) =>
            await ReplaceAsync(ScimCall.From(http), id, await ScimRequestBody.ReadObjectAsync(http.Request, ct), db, engine, clock, ct));
        users.MapPatch("/{id}", async (string id, HttpContext http, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, CancellationToken ct) =>
            await PatchAsync(ScimCall.From(http), id, await ScimRequestBody.ReadObjectAsync(http.Request, ct), db, engine, clock, ct));
        users.MapDelete("/{id}", (string id, HttpContext http, ScimDbContext db, ProvisioningEngine engine, CancellationToken ct) =>
            DeleteAsync(ScimCall.From(http), id, db, engine, ct));
    }

    public static async Task<ScimJsonResult> ListAsync(ScimCall call, ListQuery query, ScimDbContext db, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        var withGroups = AttributeProjection.Includes(type, "groups", query.Projection.Attributes, query.Projection.ExcludedAttributes);
        if (withGroups && query.SortBy is null)
        {
            // In id order (an IdP's look-up, or paging) the page and its users' groups come in one statement.
            var rows = await ResourceListing.ListInIdOrderAsync<ScimUser, UserWithGroups>(db, "scim_users", call.ConnectionId, query, type,
                users => users.Select(UserReads.WithGroups(db, call.ConnectionId)), row => row.User.Id, cancellationToken);
            return ScimResponses.List(rows, query, type, row => UserRepresentation.ToScim(row.User, type, row.Groups, call.Request));
        }
        var page = await ResourceListing.ListAsync<ScimUser>(db, "scim_users", call.ConnectionId, query, type, cancellationToken);
        var groups = withGroups
            ? await Memberships.GroupsOfAsync(db, call.ConnectionId, page.Resources.Select(u => u.Id).ToList(), cancellationToken)
            : null;
        return ScimResponses.List(page, query, type, user => UserRepresentation.ToScim(user, type, groups?.GetValueOrDefault(user.Id), call.Request));
    }

    private static async Task<ScimJsonResult> GetAsync(string id, HttpContext http, ScimDbContext db, CancellationToken cancellationToken)
    {
        var call = ScimCall.From(http);
        var type = call.Schema.User;
        var found = Guid.TryParse(id, out var userId)
            ? await UserReads.FindAsync(db, call.ConnectionId, userId, ShowsGroups(call), cancellationToken)
            : null;
        if (found is not { User: var user })
        {
            return ScimResponses.NotFound("User", id);
        }
        if (Preconditions.NotModified(http.Request, user.Version))
        {
            return new ScimJsonResult(StatusCodes.Status304NotModified, null, Preconditions.ETag(user.Version));
        }
        return ScimResponses.Resource(UserRepresentation.ToScim(user, type, found.Groups, call.Request), type, call.Projection, user.Version, StatusCodes.Status200OK);
    }

    public static async Task<ScimJsonResult> CreateAsync(ScimCall call, JsonObject body, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        var normalized = ResourceNormalizer.Normalize(body, type);
        var provisioning = await engine.BeginAsync(call, db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = UserWriter.Create(call.ConnectionId, type, normalized.Attributes, clock.GetUtcNow());
        db.Users.Add(user);
        await db.SaveUniqueAsync("userName", cancellationToken);
        await provisioning.CustomAttributesSentAsync(call.Operation("POST", "/Users " + user.UserName), user.Id, null,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept, cancellationToken);
        await provisioning.UserChangedAsync(call.Operation("POST", "/Users " + user.UserName), null, UserSnapshot.From(user), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await RespondAsync(call, db, user, StatusCodes.Status201Created, cancellationToken);
    }

    public static async Task<ScimJsonResult> ReplaceAsync(ScimCall call, string id, JsonObject body, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        var normalized = ResourceNormalizer.Normalize(body, type);
        var provisioning = await engine.BeginAsync(call, db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await LockAsync(db, call.ConnectionId, id, cancellationToken);
        if (user is null)
        {
            return ScimResponses.NotFound("User", id);
        }
        Preconditions.RequireMatch(call.IfMatch, user.Version);
        var before = UserSnapshot.From(user);
        UserWriter.Write(user, type, normalized.Attributes);
        Touch(user, clock);
        await db.SaveUniqueAsync("userName", cancellationToken);
        await provisioning.CustomAttributesSentAsync(call.Operation("PUT", $"/Users/{user.Id}"), user.Id, null,
            CustomAttributeReport.Of(normalized.Attributes, type, normalized.NotKept), normalized.NotKept, cancellationToken);
        await provisioning.UserChangedAsync(call.Operation("PUT", $"/Users/{user.Id}"), before, UserSnapshot.From(user), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return await RespondAsync(call, db, user, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<ScimJsonResult> PatchAsync(ScimCall call, string id, JsonObject body, ScimDbContext db, ProvisioningEngine engine, TimeProvider clock, CancellationToken cancellationToken)
    {
        var provisioning = await engine.BeginAsync(call, db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await LockAsync(db, call.ConnectionId, id, cancellationToken);
        if (user is null)
        {
            return ScimResponses.NotFound("User", id);
        }
        Preconditions.RequireMatch(call.IfMatch, user.Version);
        var type = call.Schema.User;
        var result = PatchEngine.Apply(body, JsonNode.Parse(user.Attributes)!.AsObject(), type);
        await provisioning.CustomAttributesSentAsync(call.Operation("PATCH", $"/Users/{user.Id}"), user.Id, null,
            CustomAttributeReport.Of(result.Attributes, type, result.NotKept), result.NotKept, cancellationToken);
        // IdPs resend the same PATCH; an unchanged user keeps its version. A password alone
        // changes nothing: it is never stored.
        if (result.Changed)
        {
            var before = UserSnapshot.From(user);
            UserWriter.Write(user, type, result.Attributes);
            Touch(user, clock);
            await db.SaveUniqueAsync("userName", cancellationToken);
            await provisioning.UserChangedAsync(call.Operation("PATCH", $"/Users/{user.Id}"), before, UserSnapshot.From(user), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return await RespondAsync(call, db, user, StatusCodes.Status200OK, cancellationToken);
    }

    public static async Task<ScimJsonResult> DeleteAsync(ScimCall call, string id, ScimDbContext db, ProvisioningEngine engine, CancellationToken cancellationToken)
    {
        var provisioning = await engine.BeginAsync(call, db, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await LockAsync(db, call.ConnectionId, id, cancellationToken);
        if (user is null)
        {
            return ScimResponses.NotFound("User", id);
        }
        Preconditions.RequireMatch(call.IfMatch, user.Version);
        // The policy runs while the account still points to the user; the user's row goes after.
        await provisioning.UserChangedAsync(call.Operation("DELETE", $"/Users/{user.Id}"), UserSnapshot.From(user), null, cancellationToken);
        await Memberships.RemoveMemberEverywhereAsync(db, call.ConnectionId, user.Id, cancellationToken);
        db.Users.Remove(user);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ScimJsonResult(StatusCodes.Status204NoContent, null);
    }

    /// <summary>Reads the user and holds its row until the transaction ends, so concurrent writes queue up instead of losing each other.</summary>
    private static async Task<ScimUser?> LockAsync(ScimDbContext db, Guid connectionId, string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var userId)
            ? (await db.Users.FromSql($"SELECT * FROM scim_users WHERE id = {userId} AND connection_id = {connectionId} FOR UPDATE")
                .ToListAsync(cancellationToken)).SingleOrDefault()
            : null;

    private static void Touch(ScimUser user, TimeProvider clock)
    {
        user.Version++;
        user.LastModified = clock.GetUtcNow();
    }

    private static bool ShowsGroups(ScimCall call) =>
        AttributeProjection.Includes(call.Schema.User, "groups", call.Projection.Attributes, call.Projection.ExcludedAttributes);

    private static async Task<ScimJsonResult> RespondAsync(ScimCall call, ScimDbContext db, ScimUser user, int status, CancellationToken cancellationToken)
    {
        var type = call.Schema.User;
        var groups = ShowsGroups(call)
            ? (await Memberships.GroupsOfAsync(db, user.ConnectionId, [user.Id], cancellationToken)).GetValueOrDefault(user.Id)
            : null;
        return ScimResponses.Resource(UserRepresentation.ToScim(user, type, groups, call.Request), type, call.Projection, user.Version, status);
    }
}
