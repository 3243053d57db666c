using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.Internal;

namespace Provisioning.ScimService.CustomAttributes;

/// <summary>
/// The attributes IdPs sent in the last days that their connection does not declare, counted from the
/// provisioning log's warnings, for the Admin UI's Overview and Custom attributes page. Internal; scoped to the organization.
/// </summary>
public static class UndeclaredAttributesApi
{
    public const int Days = 7;

    public static void MapUndeclaredAttributesApi(this IEndpointRouteBuilder app) =>
        app.MapInternalRoutes("/organizations/{organizationId:guid}").MapGet("/undeclared-attributes", ListAsync);

    private static async Task<Ok<List<UndeclaredAttributeSeenDto>>> ListAsync(
        Guid organizationId, ScimDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var since = clock.GetUtcNow().AddDays(-Days);
        var rows = await db.Database.SqlQuery<Row>($"""
            SELECT l.connection_id, l.realm,
                   CASE WHEN l.scim_group_id IS NOT NULL THEN 'Group' ELSE 'User' END AS resource_type,
                   e->>'path' AS path, count(*)::int AS times, max(l.at) AS last_seen
            FROM provisioning_log l, jsonb_array_elements(coalesce(l.custom_attributes, '[]'::jsonb)) e
            WHERE l.organization_id = {organizationId} AND l.action = 'AttributeNotKept' AND l.at >= {since}
            GROUP BY 1, 2, 3, 4
            ORDER BY max(l.at) DESC
            LIMIT 200
            """).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(r => new UndeclaredAttributeSeenDto(
            r.ConnectionId, Enum.Parse<Realm>(r.Realm), r.ResourceType, r.Path, r.Times, r.LastSeen)).ToList());
    }

    private sealed class Row
    {
        public Guid ConnectionId { get; init; }
        public required string Realm { get; init; }
        public required string ResourceType { get; init; }
        public required string Path { get; init; }
        public int Times { get; init; }
        public DateTimeOffset LastSeen { get; init; }
    }
}
