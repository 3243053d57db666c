using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.Internal;

namespace Provisioning.ScimService.ProvisioningLog;

/// <summary>The provisioning log, newest first, for the Admin UI. Internal: guarded by the internal key.</summary>
public static class ProvisioningLogApi
{
    public const int MaxPageSize = 200;
    private const int MaxPage = 1_000_000;

    public static void MapProvisioningLogApi(this IEndpointRouteBuilder app) =>
        app.MapInternalRoutes("/provisioning-log").MapGet("/", ListAsync);

    private static async Task<Results<Ok<ProvisioningLogPage>, ValidationProblem>> ListAsync(
        Guid? organizationId, Guid? connectionId, Guid? scimUserId, string? action, string? outcome,
        DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, ScimDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (organizationId is null)
        {
            errors["organizationId"] = ["Give the organizationId: the log is read per organization (and, with connectionId, per connection of it)."];
        }
        if (page is < 1 or > MaxPage)
        {
            errors["page"] = [$"Pages count from 1 to {MaxPage}."];
        }
        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"A page holds 1 to {MaxPageSize} entries."];
        }
        if (from > to)
        {
            errors["from"] = ["'from' must not be later than 'to'."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.ProvisioningLog.AsNoTracking();
        if (organizationId is { } organization)
        {
            query = query.Where(e => e.OrganizationId == organization);
        }
        if (connectionId is { } connection)
        {
            query = query.Where(e => e.ConnectionId == connection);
        }
        if (scimUserId is { } user)
        {
            query = query.Where(e => e.ScimUserId == user);
        }
        if (!string.IsNullOrWhiteSpace(action))
        {
            query = query.Where(e => e.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            query = query.Where(e => e.Outcome == outcome);
        }
        if (from is { } since)
        {
            var utc = since.ToUniversalTime();
            query = query.Where(e => e.At >= utc);
        }
        if (to is { } until)
        {
            var utc = until.ToUniversalTime();
            query = query.Where(e => e.At <= utc);
        }
        var number = page ?? 1;
        var size = pageSize ?? 50;
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.Id).Skip((number - 1) * size).Take(size).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProvisioningLogPage(total, number, size, entries.Select(e => e.ToDto()).ToList()));
    }
}
