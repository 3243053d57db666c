using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Internal;

/// <summary>Read-only views of a connection's SCIM users for the Admin UI. Every query is scoped to the connection.</summary>
public static class DirectoryUsersApi
{
    // The emails array as kept in the resource; anything else reads as no emails.
    private const string Emails = "jsonb_array_elements(CASE WHEN jsonb_typeof(attributes->'emails') = 'array' THEN attributes->'emails' ELSE '[]'::jsonb END)";

    // {0} connection, {1} 0 = all, 1 = active, 2 = inactive, {2} ILIKE pattern or "".
    private const string Filter = $"""
        connection_id = {"{0}"}
        AND ({"{1}"} = 0 OR active = ({"{1}"} = 1))
        AND ({"{2}"} = ''
             OR user_name ILIKE {"{2}"}
             OR display_name ILIKE {"{2}"}
             OR attributes->'name'->>'formatted' ILIKE {"{2}"}
             OR concat_ws(' ', attributes->'name'->>'givenName', attributes->'name'->>'familyName') ILIKE {"{2}"}
             OR EXISTS (SELECT 1 FROM {Emails} e WHERE e->>'value' ILIKE {"{2}"}))
        """;

    public static void MapDirectoryUsersApi(this RouteGroupBuilder connection)
    {
        connection.MapGet("/counts", CountsAsync);
        connection.MapGet("/users", ListAsync);
        connection.MapGet("/users/{userId:guid}", GetAsync);
    }

    private static async Task<Ok<DirectoryCountsDto>> CountsAsync(Guid connectionId, ScimDbContext db, CancellationToken cancellationToken)
    {
        var users = await DirectoryQueries.CountAsync(db,
            $"""SELECT count(*)::int AS value FROM scim_users WHERE connection_id = {connectionId}""", cancellationToken);
        var active = await DirectoryQueries.CountAsync(db,
            $"""SELECT count(*)::int AS value FROM scim_users WHERE connection_id = {connectionId} AND active""", cancellationToken);
        var groups = await DirectoryQueries.CountAsync(db,
            $"""SELECT count(*)::int AS value FROM scim_groups WHERE connection_id = {connectionId}""", cancellationToken);
        return TypedResults.Ok(new DirectoryCountsDto(users, active, groups));
    }

    private static async Task<Results<Ok<DirectoryPage<DirectoryUserSummary>>, ValidationProblem>> ListAsync(
        Guid connectionId, ScimDbContext db, string? search, string? active, int? page, CancellationToken cancellationToken)
    {
        int activeMode = active?.ToLowerInvariant() switch
        {
            null or "" or "all" => 0,
            "true" or "active" => 1,
            "false" or "inactive" => 2,
            _ => -1,
        };
        if (activeMode < 0 || page < 1)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [activeMode < 0 ? "active" : "page"] = [activeMode < 0 ? "Use active, inactive or all." : "Pages start at 1."],
            });
        }
        var pattern = DirectoryQueries.ContainsPattern(search);
        var pageNumber = page ?? 1;

        var total = await DirectoryQueries.CountAsync(db, FormattableStringFactory.Create(
            $"""SELECT count(*)::int AS value FROM scim_users WHERE {Filter}""", connectionId, activeMode, pattern), cancellationToken);
        var rows = await db.Database.SqlQuery<UserSummaryRow>(FormattableStringFactory.Create(
            $"""
            SELECT id, user_name, display_name,
                   (SELECT e->>'value' FROM {Emails} e ORDER BY coalesce(e->>'primary' = 'true', false) DESC LIMIT 1) AS email,
                   active, last_modified
            FROM scim_users
            WHERE {Filter}
            ORDER BY user_name_key, id
            LIMIT {"{3}"} OFFSET {"{4}"}
            """, connectionId, activeMode, pattern, DirectoryQueries.PageSize, DirectoryQueries.Offset(pageNumber)))
            .ToListAsync(cancellationToken);

        return TypedResults.Ok(new DirectoryPage<DirectoryUserSummary>(total, pageNumber, DirectoryQueries.PageSize,
            rows.Select(r => new DirectoryUserSummary(r.Id, r.UserName, r.DisplayName, r.Email, r.Active, r.LastModified)).ToList()));
    }

    private static async Task<Results<Ok<DirectoryUserDto>, ProblemHttpResult>> GetAsync(
        Guid connectionId, Guid userId, ScimDbContext db, CancellationToken cancellationToken)
    {
        var row = (await db.Database.SqlQuery<UserRow>(
            $"""
            SELECT id, user_name, display_name, external_id,
                   active, created, last_modified, attributes::text AS attributes
            FROM scim_users
            WHERE connection_id = {connectionId} AND id = {userId}
            """).ToListAsync(cancellationToken)).SingleOrDefault();
        if (row is null)
        {
            return TypedResults.Problem("No such user in this connection.", statusCode: StatusCodes.Status404NotFound);
        }

        var groups = await db.Database.SqlQuery<GroupRefRow>(
            $"""
            SELECT g.id, g.display_name
            FROM scim_group_members m
            JOIN scim_groups g ON g.id = m.group_id AND g.connection_id = m.connection_id
            WHERE m.connection_id = {connectionId} AND m.member_id = {userId} AND m.member_type = 'User'
            ORDER BY g.display_name, g.id
            """).ToListAsync(cancellationToken);

        var attributes = JsonNode.Parse(row.Attributes) as JsonObject ?? [];
        // A password an IdP sent is never shown, whatever the storage form keeps.
        attributes.Remove("password");
        return TypedResults.Ok(new DirectoryUserDto(row.Id, row.UserName, row.DisplayName, row.ExternalId, row.Active,
            row.Created, row.LastModified, attributes, groups.Select(g => new DirectoryGroupRef(g.Id, g.DisplayName)).ToList()));
    }
}
