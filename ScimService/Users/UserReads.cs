using System.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Protocol;

namespace Provisioning.ScimService.Users;

/// <summary>A user as a read needs it: the row and, when the response shows them, the groups it belongs to.</summary>
public sealed record UserWithGroups(ScimUser User, List<GroupReference>? Groups);

/// <summary>
/// The reads IdPs make most, below EF: GET by id, and the look-ups by userName or externalId before a
/// create or a sync. Each is one prepared statement on the context's own pooled connection, read straight
/// into the user; the user's groups come as two arrays from a lateral aggregate, so PostgreSQL neither sorts
/// joined rows nor sends the user once per group. EF's query pipeline and Npgsql's parse of named parameters
/// were a third of ScimService's CPU per GET (docs/benchmarks.md, "The reads IdPs make most, below EF").
/// </summary>
public static class UserReads
{
    private const string Columns =
        "u.id, u.connection_id, u.user_name, u.user_name_key, u.external_id, u.display_name, u.active, u.attributes, u.email_values, u.custom_values, u.version, u.created, u.last_modified";

    /// <summary>Where the groups' two arrays start in a row that has them: after <see cref="Columns"/>.</summary>
    private static readonly int GroupsOrdinal = Columns.Split(',').Length;

    /// <summary>The user's groups in display-name order, beside its row; every look-up goes through a key the connection leads.</summary>
    private const string UsersWithGroups = $"""
        SELECT {Columns}, g.ids, g.names
        FROM scim_users u
        LEFT JOIN LATERAL (
            SELECT array_agg(gr.id ORDER BY gr.display_name_key, gr.id) AS ids,
                   array_agg(gr.display_name ORDER BY gr.display_name_key, gr.id) AS names
            FROM scim_group_members m
            JOIN scim_groups gr ON gr.connection_id = m.connection_id AND gr.id = m.group_id
            WHERE m.connection_id = u.connection_id AND m.member_id = u.id) g ON true
        """;

    /// <summary>By id: $1 the connection, $2 the id.</summary>
    internal const string ById = UsersWithGroups + " WHERE u.connection_id = $1 AND u.id = $2";

    private const string ByIdAlone = $"SELECT {Columns} FROM scim_users u WHERE u.connection_id = $1 AND u.id = $2";

    /// <summary>By userName's key ($2, folded by <see cref="CaseFolding"/>), case-insensitively: $3 rows at most, in id order.</summary>
    internal const string ByUserNameKey = UsersWithGroups + " WHERE u.connection_id = $1 AND u.user_name_key = $2 ORDER BY u.id LIMIT $3";

    /// <summary>By externalId, case-exact: $3 rows at most, in id order.</summary>
    internal const string ByExternalIdValue = UsersWithGroups + " WHERE u.connection_id = $1 AND u.external_id = $2 ORDER BY u.id LIMIT $3";

    public static async Task<UserWithGroups?> FindAsync(ScimDbContext db, Guid connectionId, Guid userId, bool withGroups, CancellationToken cancellationToken) =>
        (await ReadAsync(db, withGroups ? ById : ByIdAlone, connectionId, userId, null, cancellationToken)).SingleOrDefault();

    /// <summary>The first <paramref name="limit"/> users whose userName equals <paramref name="userName"/> case-insensitively, in id order, with their groups.</summary>
    public static Task<List<UserWithGroups>> ByUserNameAsync(ScimDbContext db, Guid connectionId, string userName, int limit, CancellationToken cancellationToken) =>
        ReadAsync(db, ByUserNameKey, connectionId, CaseFolding.Fold(userName), limit, cancellationToken);

    /// <summary>The first <paramref name="limit"/> users whose externalId is <paramref name="externalId"/> (case-exact), in id order, with their groups.</summary>
    public static Task<List<UserWithGroups>> ByExternalIdAsync(ScimDbContext db, Guid connectionId, string externalId, int limit, CancellationToken cancellationToken) =>
        ReadAsync(db, ByExternalIdValue, connectionId, externalId, limit, cancellationToken);

    /// <summary>The statement's users; with their groups when it reads them (every statement here but <see cref="ByIdAlone"/>).</summary>
    private static async Task<List<UserWithGroups>> ReadAsync(ScimDbContext db, string sql, Guid connectionId, object key, int? limit, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(sql, (NpgsqlConnection)db.Database.GetDbConnection())
            {
                Parameters = { new() { Value = connectionId }, new() { Value = key } },
            };
            if (limit is { } rows)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = rows });
            }
            await using var reader = await command.ExecuteReaderAsync(limit is null ? CommandBehavior.SingleRow : CommandBehavior.Default, cancellationToken);
            var withGroups = reader.FieldCount > GroupsOrdinal;
            var users = new List<UserWithGroups>(1);
            while (await reader.ReadAsync(cancellationToken))
            {
                users.Add(new UserWithGroups(UserIn(reader), withGroups ? GroupsIn(reader) : null));
            }
            return users;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>The row's columns by position, in <see cref="Columns"/>' order; <c>UserReadsTests</c> compares each property with EF's read of the same row.</summary>
    private static ScimUser UserIn(NpgsqlDataReader reader) => new()
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

    private static List<GroupReference> GroupsIn(NpgsqlDataReader reader)
    {
        if (reader.IsDBNull(GroupsOrdinal))
        {
            return [];
        }
        var ids = reader.GetFieldValue<Guid[]>(GroupsOrdinal);
        var names = reader.GetFieldValue<string[]>(GroupsOrdinal + 1);
        var groups = new List<GroupReference>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            groups.Add(new GroupReference(ids[i], names[i]));
        }
        return groups;
    }
}
