using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Tenancy;

namespace Provisioning.ScimService.Users;

public static class UsersApi
{
    public static void MapUsersApi(this RouteGroupBuilder scim)
    {
        var users = scim.MapGroup("/Users");
        users.MapGet("/", ListAsync);
    }

    private static async Task<ScimJsonResult> ListAsync(
        HttpContext http, ScimDbContext db, int? startIndex, int? count, CancellationToken cancellationToken)
    {
        var tenant = http.Tenant();
        var start = Math.Max(1, startIndex ?? 1);
        var take = Math.Clamp(count ?? 100, 0, 1000);
        var query = db.Users.AsNoTracking().Where(u => u.ConnectionId == tenant.ConnectionId);
        var total = await query.CountAsync(cancellationToken);
        var page = take == 0
            ? []
            : await query.OrderBy(u => u.Id).Skip(start - 1).Take(take).ToListAsync(cancellationToken);
        return ScimResults.Ok(ListResponse.Create(total, start, page.Select(u => (JsonNode)new JsonObject
        {
            ["id"] = u.Id.ToString(),
            ["userName"] = u.UserName,
            ["active"] = u.Active,
        })));
    }
}
