using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.Internal;

namespace Provisioning.ScimService.ProvisioningLog;

/// <summary>
/// One log entry with its request, and the activity chart's counts, for the Admin UI. Internal:
/// guarded by the internal key; every query is scoped to the caller's organization.
/// </summary>
public static class ProvisioningLogDetailApi
{
    public static void MapProvisioningLogDetailApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalRoutes("/organizations/{organizationId:guid}/provisioning-log");
        group.MapGet("/{id:long}", GetAsync);
        group.MapGet("/activity", ActivityAsync);
    }

    /// <summary>Another organization's entry is a 404, the same answer as an id that does not exist.</summary>
    private static async Task<Results<Ok<ProvisioningLogEntryDetailDto>, NotFound>> GetAsync(
        Guid organizationId, long id, ScimDbContext db, CancellationToken cancellationToken)
    {
        var entry = await db.ProvisioningLog.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id && e.OrganizationId == organizationId, cancellationToken);
        if (entry is null)
        {
            return TypedResults.NotFound();
        }
        var request = await db.ProvisioningLog.AsNoTracking()
            .Where(e => e.OrganizationId == organizationId && e.RequestId == entry.RequestId)
            .OrderBy(e => e.Id)
            .Take(ProvisioningLogApi.MaxPageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProvisioningLogEntryDetailDto(entry.ToDto(), request.Select(e => e.ToDto()).ToList()));
    }

    /// <summary>
    /// Counts per hour (range 24h) or per day (range 7d, UTC days), every bucket present, counted in SQL.
    /// Creates, updates and deactivations are the actions on accounts that succeeded; failures are every failed entry.
    /// </summary>
    private static async Task<Results<Ok<ProvisioningActivityDto>, ValidationProblem>> ActivityAsync(
        Guid organizationId, Guid? connectionId, string? range, ScimDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        (TimeSpan step, int buckets, string size)? shape = (range ?? "24h") switch
        {
            "24h" => (TimeSpan.FromHours(1), 24, "hour"),
            "7d" => (TimeSpan.FromDays(1), 7, "day"),
            _ => null,
        };
        if (shape is not { } s)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["range"] = ["Use 24h or 7d."] });
        }
        var now = clock.GetUtcNow();
        var current = s.size == "hour"
            ? new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero)
            : new DateTimeOffset(now.Year, now.Month, now.Day, 0, 0, 0, TimeSpan.Zero);
        var from = current - s.step * (s.buckets - 1);
        var step = s.step;
        var rows = await db.Database.SqlQuery<ActivityRow>($"""
            SELECT b.start AS start,
                   count(l.id) FILTER (WHERE l.outcome <> 'Failed' AND l.action IN ('AccountCreated', 'AccountLinked'))::int AS creates,
                   count(l.id) FILTER (WHERE l.outcome <> 'Failed' AND l.action IN ('AccountUpdated', 'RoleChanged'))::int AS updates,
                   count(l.id) FILTER (WHERE l.outcome <> 'Failed' AND l.action IN ('AccountRemoved', 'DevicesUnassigned', 'DevicesMoved', 'DevicesRemoved'))::int AS deactivations,
                   count(l.id) FILTER (WHERE l.outcome = 'Failed')::int AS failures
            FROM generate_series({from}, {current}, {step}) AS b(start)
            LEFT JOIN provisioning_log l
                   ON l.organization_id = {organizationId}
                  AND ({connectionId}::uuid IS NULL OR l.connection_id = {connectionId})
                  AND l.at >= b.start AND l.at < b.start + {step}
            GROUP BY b.start
            ORDER BY b.start
            """).ToListAsync(cancellationToken);
        return TypedResults.Ok(new ProvisioningActivityDto(from, s.size,
            rows.Select(r => new ActivityBucketDto(r.Start, r.Creates, r.Updates, r.Deactivations, r.Failures)).ToList()));
    }

    private sealed class ActivityRow
    {
        public DateTimeOffset Start { get; init; }
        public int Creates { get; init; }
        public int Updates { get; init; }
        public int Deactivations { get; init; }
        public int Failures { get; init; }
    }
}
