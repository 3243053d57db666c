using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;

namespace Provisioning.PolicyService.Auditing;

/// <summary>
/// An organization's audit log for its admins: read filtered and paged (the Audit page and its CSV),
/// and the device saves the Admin UI reports after ScimService made them.
/// </summary>
public static class AuditApi
{
    public const int MaxPageSize = 1000;

    public static void MapAuditApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapInternalGroup("/organizations/{organizationId:guid}/audit", "Audit", InternalCaller.AdminUi);
        group.MapGet("/", ListAsync);
        group.MapPost("/", RecordAsync);
    }

    private static async Task<Results<Ok<AuditPage>, ValidationProblem>> ListAsync(
        Guid organizationId, string? actor, string? action, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize,
        PolicyDbContext db, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (action is { Length: > 0 } && !AuditActions.All.Contains(action))
        {
            errors["action"] = [$"Unknown action '{action}'. Use one of: {string.Join(", ", AuditActions.All)}."];
        }
        if (actor is { Length: > 320 })
        {
            errors["actor"] = ["Who is at most 320 characters."];
        }
        if (from is { } start && to is { } end && end < start)
        {
            errors["to"] = ["The end of the time range is before its start."];
        }
        if (page is < 1 || pageSize is < 1 or > MaxPageSize)
        {
            errors["page"] = [$"Pages count from 1 and hold 1 to {MaxPageSize} entries."];
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var query = db.AuditEntries.AsNoTracking().Where(e => e.OrganizationId == organizationId);
        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(e => EF.Functions.ILike(e.Actor, "%" + Like(actor.Trim()) + "%", "\\"));
        }
        if (!string.IsNullOrEmpty(action))
        {
            query = query.Where(e => e.Action == action);
        }
        if (from is { } fromTime)
        {
            query = query.Where(e => e.At >= fromTime.ToUniversalTime());
        }
        if (to is { } toTime)
        {
            query = query.Where(e => e.At < toTime.ToUniversalTime());
        }
        var (number, size) = (page ?? 1, pageSize ?? 50);
        var total = await query.CountAsync(cancellationToken);
        var entries = await query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .Skip((number - 1) * size).Take(size)
            .Select(e => new AuditEntryDto(e.Id, e.At, e.Actor, e.ActorIp, e.Action, e.Target))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuditPage(total, number, size, entries));
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> RecordAsync(
        Guid organizationId, RecordAuditRequest request, PolicyDbContext db, AuditLog audit, CancellationToken cancellationToken)
    {
        // Only what happens outside PolicyService comes this way: the rest is recorded with its own change.
        if (!AuditActions.ReportedByAdminUi.Contains(request.Action) || string.IsNullOrWhiteSpace(request.Target))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["action"] = [$"Report one of {string.Join(", ", AuditActions.ReportedByAdminUi)}, with a target."],
            });
        }
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        audit.Record(db, organizationId, request.Action, request.Target);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    private static string Like(string value) => value.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
