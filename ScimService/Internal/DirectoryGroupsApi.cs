using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Internal;

/// <summary>Read-only views of a connection's SCIM groups and their members for the Admin UI.</summary>
public static class DirectoryGroupsApi
{
    /// <summary>The most members one group page lists; the count says how many there are in all.</summary>
    public const int MemberLimit = 500;

    public static void MapDirectoryGroupsApi(this RouteGroupBuilder connection)
    {
        connection.MapGet("/groups", ListAsync);
        connection.MapGet("/groups/{groupId:guid}", GetAsync);
    }

    private static async Task<Results<Ok<DirectoryPage<DirectoryGroupSummary>>, ValidationProblem>> ListAsync(
        Guid connectionId, ScimDbContext db, string? search, int? page, CancellationToken cancellationToken)
    {
        if (page < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["page"] = ["Pages start at 1."] });
        }
        var pageNumber = page ?? 1;
        var pattern = DirectoryQueries.ContainsPattern(search);
        var total = await DirectoryQueries.CountAsync(db,
            $"""
            SELECT count(*)::int AS value FROM scim_groups
            WHERE connection_id = {connectionId} AND ({pattern} = '' OR display_name ILIKE {pattern})
            """, cancellationToken);
        var rows = await db.Database.SqlQuery<GroupSummaryRow>(
            $"""
            SELECT g.id, g.display_name, g.external_id,
                   (SELECT count(*)::int FROM scim_group_members m WHERE m.connection_id = g.connection_id AND m.group_id = g.id) AS member_count,
                   g.created, g.last_modified
            FROM scim_groups g
            WHERE g.connection_id = {connectionId} AND ({pattern} = '' OR g.display_name ILIKE {pattern})
            ORDER BY lower(g.display_name), g.id
            LIMIT {DirectoryQueries.PageSize} OFFSET {DirectoryQueries.Offset(pageNumber)}
            """).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DirectoryPage<DirectoryGroupSummary>(total, pageNumber, DirectoryQueries.PageSize,
            rows.Select(r => new DirectoryGroupSummary(r.Id, r.DisplayName, r.ExternalId, r.MemberCount, r.LastModified)).ToList()));
    }

    private static async Task<Results<Ok<DirectoryGroupDto>, ProblemHttpResult>> GetAsync(
        Guid connectionId, Guid groupId, ScimDbContext db, CancellationToken cancellationToken)
    {
        var group = (await db.Database.SqlQuery<GroupSummaryRow>(
            $"""
            SELECT g.id, g.display_name, g.external_id,
                   (SELECT count(*)::int FROM scim_group_members m WHERE m.connection_id = g.connection_id AND m.group_id = g.id) AS member_count,
                   g.created, g.last_modified
            FROM scim_groups g
            WHERE g.connection_id = {connectionId} AND g.id = {groupId}
            """).ToListAsync(cancellationToken)).SingleOrDefault();
        if (group is null)
        {
            return TypedResults.Problem("No such group in this connection.", statusCode: StatusCodes.Status404NotFound);
        }
        var members = await db.Database.SqlQuery<MemberRow>(
            $"""
            SELECT m.member_id AS id, m.member_type AS type,
                   coalesce(u.user_name, g.display_name, m.member_id::text) AS display
            FROM scim_group_members m
            LEFT JOIN scim_users u ON m.member_type = 'User' AND u.connection_id = m.connection_id AND u.id = m.member_id
            LEFT JOIN scim_groups g ON m.member_type = 'Group' AND g.connection_id = m.connection_id AND g.id = m.member_id
            WHERE m.connection_id = {connectionId} AND m.group_id = {groupId}
            ORDER BY m.member_type DESC, 3, m.member_id
            LIMIT {MemberLimit}
            """).ToListAsync(cancellationToken);
        return TypedResults.Ok(new DirectoryGroupDto(group.Id, group.DisplayName, group.ExternalId, group.Created, group.LastModified,
            group.MemberCount, members.Select(m => new DirectoryMember(m.Id, m.Type, m.Display)).ToList()));
    }
}
