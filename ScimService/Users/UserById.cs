using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Provisioning.ScimService.Groups;

namespace Provisioning.ScimService.Users;

/// <summary>
/// GET /Users/{id}, the read IdPs make most, below EF: one prepared statement on the context's own pooled
/// connection, read straight into the user. The user's groups come as two arrays from a lateral
/// aggregate, so PostgreSQL neither sorts the joined rows nor sends the user once per group. EF's query
/// pipeline (command, execution strategy, shaper) and Npgsql's parse of named parameters were a sixth of
/// ScimService's CPU per GET (docs/benchmarks.md, "GET by id below EF").
/// </summary>
public static class UserById
{
    private const string Columns =
        "u.id, u.connection_id, u.user_name, u.user_name_key, u.external_id, u.display_name, u.active, u.attributes, u.email_values, u.custom_values, u.version, u.created, u.last_modified";

    /// <summary>The user alone, by the users' key; $1 the connection, $2 the id.</summary>
    internal const string Alone = $"SELECT {Columns} FROM scim_users u WHERE u.connection_id = $1 AND u.id = $2";

    /// <summary>The user and its groups in display-name order; every look-up goes through a key the connection leads.</summary>
    internal const string WithGroups = $"""
        SELECT {Columns}, g.ids, g.names
        FROM scim_users u
        LEFT JOIN LATERAL (
            SELECT array_agg(gr.id ORDER BY gr.display_name_key, gr.id) AS ids,
                   array_agg(gr.display_name ORDER BY gr.display_name_key, gr.id) AS names
            FROM scim_group_members m
            JOIN scim_groups gr ON gr.connection_id = m.connection_id AND gr.id = m.group_id
            WHERE m.connection_id = u.connection_id AND m.member_id = u.id) g ON true
        WHERE u.connection_id = $1 AND u.id = $2
        """;

    public static async Task<UserWithGroups?> FindAsync(ScimDbContext db, Guid connectionId, Guid userId, bool withGroups, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(withGroups ? WithGroups : Alone, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Parameters = { new() { Value = connectionId }, new() { Value = userId } },
            };
            await using var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }
            var user = new ScimUser
            {
                Id = reader.GetGuid(0),
                ConnectionId = reader.GetGuid(1),
                UserName = reader.GetString(2),
                UserNameKey = reader.GetString(3),
                ExternalId = reader.IsDBNull(4) ? null : reader.GetString(4),
                DisplayName = reader.IsDBNull(5) ? null : reader.GetString(5),
                Active = reader.GetBoolean(6),
                Attributes = reader.GetString(7),
                EmailValues = reader.GetFieldValue<string[]>(8),
                CustomValues = reader.GetString(9),
                Version = reader.GetInt32(10),
                Created = reader.GetFieldValue<DateTimeOffset>(11),
                LastModified = reader.GetFieldValue<DateTimeOffset>(12),
            };
            return new UserWithGroups(user, withGroups ? GroupsIn(reader, 13) : null);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static List<GroupReference> GroupsIn(NpgsqlDataReader reader, int ordinal)
    {
        if (reader.IsDBNull(ordinal))
        {
            return [];
        }
        var ids = reader.GetFieldValue<Guid[]>(ordinal);
        var names = reader.GetFieldValue<string[]>(ordinal + 1);
        var groups = new List<GroupReference>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            groups.Add(new GroupReference(ids[i], names[i]));
        }
        return groups;
    }
}
