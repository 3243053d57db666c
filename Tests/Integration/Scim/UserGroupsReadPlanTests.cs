using System.Data.Common;
using System.Text.Json;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using Provisioning.ScimService;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Users;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Scim;

/// <summary>
/// The reads of a user's groups (GET by id, the look-ups by userName and externalId, a list page's, a locked
/// row's) find each row through a key the connection leads. The groups' key is (connection_id, id): joined on the
/// group's id alone, PostgreSQL walked that index across every tenant's groups for each membership, so a GET
/// slowed with the number of groups the whole system held (half the speed at 3,000 groups).
/// The reads below EF are planned as written; the EF ones are the projection list pages and locked rows use,
/// and the groups of a sorted page, recorded as EF sends them. Each is planned with sequential scans off, so
/// that even tables as small as the tests' show which index a look-up goes through, and on what condition.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class UserGroupsReadPlanTests(ProvisioningApp app)
{
    [Fact]
    public async Task EveryReadOfAUsersGroupsLooksItsRowsUpByTheConnectionFirst()
    {
        var recorder = new StatementRecorder();
        var connectionString = await app.App.GetConnectionStringAsync("scimdb");
        var connectionId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        await using (var db = await app.CreateScimDbContextAsync(recorder))
        {
            await db.Users.Where(u => u.ConnectionId == connectionId).Select(UserGroupsProjection.WithGroups(db, connectionId)).ToListAsync();
            await Memberships.GroupsOfAsync(db, connectionId, [userId], CancellationToken.None);
        }
        // The reads IdPs make most run below EF, their statements as written.
        DbCommand Written(string sql, params object[] values)
        {
            var command = new NpgsqlCommand(sql);
            command.Parameters.AddRange(values.Select(v => new NpgsqlParameter { Value = v }).ToArray());
            return command;
        }
        DbCommand[] written =
        [
            Written(UserReads.ById, connectionId, userId),
            Written(UserReads.ByUserNameKey, connectionId, "nobody@example.com", 2),
            Written(UserReads.ByExternalIdValue, connectionId, "nobody", 2),
        ];

        Assert.Equal(2, recorder.Statements.Count);
        foreach (var statement in recorder.Statements.Concat(written))
        {
            var scans = await ScansAsync(connectionString!, statement);
            Assert.Contains(scans, scan => scan.Relation == "scim_groups");
            Assert.All(scans, scan => Assert.True(scan.Index is not null && scan.Condition.Contains("connection_id =", StringComparison.Ordinal),
                $"{scan.Relation} is read through {scan.Index ?? "no index"} on {scan.Condition} in\n{statement.CommandText}"));
        }
    }

    /// <summary>Each table the statement's plan reads, with the index it reads it through (null for a whole-table scan) and the index's condition.</summary>
    private static async Task<List<Scan>> ScansAsync(string connectionString, DbCommand statement)
    {
        // A connection of its own, closed for good afterwards: the setting ends with it.
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using (var noSequentialScans = new NpgsqlCommand("SET enable_seqscan = off", connection))
        {
            await noSequentialScans.ExecuteNonQueryAsync();
        }
        await using var explain = new NpgsqlCommand("EXPLAIN (FORMAT JSON) " + statement.CommandText, connection);
        foreach (NpgsqlParameter parameter in statement.Parameters)
        {
            explain.Parameters.Add(parameter.Clone());
        }
        using var plan = JsonDocument.Parse((string)(await explain.ExecuteScalarAsync())!);
        var scans = new List<Scan>();
        Collect(plan.RootElement[0].GetProperty("Plan"), null, scans);
        return scans;
    }

    private sealed record Scan(string Relation, string? Index, string Condition);

    /// <summary>
    /// An index scan names its table and index; a bitmap heap scan names its table and leaves the index to the
    /// bitmap index scan under it; a sequential scan names only its table.
    /// </summary>
    private static void Collect(JsonElement node, string? bitmapHeapRelation, List<Scan> scans)
    {
        var relation = node.TryGetProperty("Relation Name", out var name) ? name.GetString() : null;
        var condition = node.TryGetProperty("Index Cond", out var indexCondition) ? indexCondition.GetString()! : "(none)";
        var index = node.TryGetProperty("Index Name", out var indexName) ? indexName.GetString() : null;
        switch (node.GetProperty("Node Type").GetString())
        {
            case "Bitmap Heap Scan":
                bitmapHeapRelation = relation;
                break;
            case "Bitmap Index Scan":
                scans.Add(new Scan(bitmapHeapRelation ?? "?", index, condition));
                break;
            default:
                if (relation is not null)
                {
                    scans.Add(new Scan(relation, index, condition));
                }
                break;
        }
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Collect(child, bitmapHeapRelation, scans);
            }
        }
    }

    /// <summary>The readers' statements as EF sends them to PostgreSQL.</summary>
    private sealed class StatementRecorder : DbCommandInterceptor
    {
        public List<DbCommand> Statements { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            var copy = new NpgsqlCommand(command.CommandText);
            foreach (NpgsqlParameter parameter in command.Parameters)
            {
                copy.Parameters.Add(parameter.Clone());
            }
            Statements.Add(copy);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
