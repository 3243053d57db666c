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
/// Every read of a user's groups (GET by id, the look-ups by userName and externalId, a list page's, a locked row's)
/// finds each row through a key the connection leads. The groups' key is (connection_id, id): joined on the
/// group's id alone, PostgreSQL walked that index across every tenant's groups for each membership, so a GET
/// slowed with the number of groups the whole system held (half the speed at 3,000 groups).
/// The statements are the ones the service runs, recorded as EF sends them (the reads below EF as written),
/// and each is planned with sequential scans off, so that even tables as small as the tests' show which index
/// condition a look-up has.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class UserGroupsReadPlanTests(ProvisioningApp app)
{
    [Fact]
    public async Task EveryReadOfAUsersGroupsLooksItsRowsUpByTheConnectionFirst()
    {
        var recorder = new StatementRecorder();
        var connectionString = await app.App.GetConnectionStringAsync("scimdb");
        var options = new DbContextOptionsBuilder<ScimDbContext>()
            .UseNpgsql(connectionString).UseSnakeCaseNamingConvention().AddInterceptors(recorder).Options;
        var connectionId = Guid.NewGuid();
        var userId = Guid.NewGuid();
        await using (var db = new ScimDbContext(options))
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
            var scans = await IndexScansAsync(connectionString!, statement);
            Assert.Contains(scans, scan => scan.Index.StartsWith("pk_scim_groups", StringComparison.Ordinal));
            Assert.All(scans, scan => Assert.True(scan.Condition.Contains("connection_id =", StringComparison.Ordinal),
                $"{scan.Index} is searched on {scan.Condition} in\n{statement.CommandText}"));
        }
    }

    /// <summary>Each index the statement's plan reads, with its index condition.</summary>
    private static async Task<List<(string Index, string Condition)>> IndexScansAsync(string connectionString, DbCommand statement)
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
        var scans = new List<(string, string)>();
        Collect(plan.RootElement[0].GetProperty("Plan"), scans);
        return scans;
    }

    private static void Collect(JsonElement node, List<(string, string)> scans)
    {
        if (node.TryGetProperty("Index Name", out var index))
        {
            scans.Add((index.GetString()!, node.TryGetProperty("Index Cond", out var condition) ? condition.GetString()! : "(none)"));
        }
        if (node.TryGetProperty("Plans", out var children))
        {
            foreach (var child in children.EnumerateArray())
            {
                Collect(child, scans);
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
