using System.Text.Json.Nodes;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Protocol.Querying;
using Provisioning.ScimService.Users;

namespace Provisioning.ScimService.Search;

/// <summary>
/// POST /.search (RFC 7644 §3.4.3): users, then groups, paged as one list. A filter that
/// names an attribute only one resource type has simply matches none of the other.
/// </summary>
public static class RootSearchApi
{
    public static void MapRootSearchApi(this RouteGroupBuilder scim) => scim.MapPost("/.search", SearchAsync);

    private static async Task<ScimJsonResult> SearchAsync(ScimCall call, ScimDbContext db, CancellationToken ct)
    {
        var query = ListQuery.FromSearchRequest(await call.BodyAsync(ct));
        if (query.SortBy is not null || query.UsesCursor)
        {
            throw ScimProtocolException.BadRequest(ScimType.InvalidValue,
                "A search across resource types pages by startIndex only; sort or use cursors on /Users/.search or /Groups/.search.");
        }
        var users = await TryListAsync(() => UsersApi.ListPageAsync(call, query with { Count = 0 }, db, ct));
        var groups = await TryListAsync(() => GroupsApi.ListPageAsync(call, query with { Count = 0 }, db, ct));
        if (users is null && groups is null)
        {
            // Neither type knows the filter's attributes: say why, as a single-type search would.
            await UsersApi.ListPageAsync(call, query with { Count = 0 }, db, ct);
        }
        var userTotal = Total(users);
        var groupTotal = Total(groups);

        var resources = new List<JsonNode>();
        var skip = query.StartIndex - 1;
        if (users is not null && skip < userTotal && query.Count > 0)
        {
            var page = await UsersApi.ListPageAsync(call, query with { StartIndex = skip + 1 }, db, ct);
            resources.AddRange(Resources(page));
        }
        var remaining = query.Count - resources.Count;
        if (groups is not null && remaining > 0)
        {
            var page = await GroupsApi.ListPageAsync(call, query with { StartIndex = Math.Max(0, skip - userTotal) + 1, Count = remaining }, db, ct);
            resources.AddRange(Resources(page));
        }
        return ListResponse.Of(userTotal + groupTotal, query.StartIndex, resources);
    }

    private static async Task<ScimJsonResult?> TryListAsync(Func<Task<ScimJsonResult>> list)
    {
        try
        {
            return await list();
        }
        catch (ScimProtocolException e) when (e.ScimType == ScimType.InvalidFilter)
        {
            return null;
        }
    }

    private static int Total(ScimJsonResult? result) => result?.Body?["totalResults"]?.GetValue<int>() ?? 0;

    private static IEnumerable<JsonNode> Resources(ScimJsonResult result) =>
        result.Body!["Resources"]!.AsArray().Select(r => r!.DeepClone());
}
