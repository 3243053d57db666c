using Aspire.Hosting.Testing;
using Npgsql;
using Provisioning.AppHost.Infrastructure;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Operations;

/// <summary>
/// Least privilege in PostgreSQL: each service logs in as its own role, which owns its database and
/// nothing else, is no superuser, and has its statements and idle transactions bounded by the server.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class DatabaseRoleTests(ProvisioningApp app)
{
    [Theory]
    [InlineData("scimdb", "scim_service", "policydb")]
    [InlineData("policydb", "policy_service", "scimdb")]
    public async Task EachServiceLogsInAsAnOwnerThatIsNoSuperuserAndCannotReachTheOtherDatabase(string database, string role, string otherDatabase)
    {
        var connectionString = (await app.App.GetConnectionStringAsync(database))!;
        await using (var connection = new NpgsqlConnection(connectionString + ";Pooling=false"))
        {
            await connection.OpenAsync();
            Assert.Equal(role, await ScalarAsync<string>(connection, "SELECT current_user"));
            Assert.Equal((false, false, false), (
                await ScalarAsync<bool>(connection, "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"),
                await ScalarAsync<bool>(connection, "SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user"),
                await ScalarAsync<bool>(connection, "SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user")));
            Assert.Equal(role, await ScalarAsync<string>(connection, "SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = current_database()"));
            Assert.Equal(0L, await ScalarAsync<long>(connection, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public' AND tableowner <> current_user"));
            Assert.Equal(DatabaseOwners.StatementTimeout, await ScalarAsync<string>(connection, "SHOW statement_timeout"));
            Assert.Equal(DatabaseOwners.IdleInTransactionSessionTimeout, await ScalarAsync<string>(connection, "SHOW idle_in_transaction_session_timeout"));
        }

        foreach (var elsewhere in new[] { otherDatabase, "postgres" })
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Database = elsewhere, Pooling = false }.ConnectionString);
            var refused = await Assert.ThrowsAsync<PostgresException>(() => connection.OpenAsync());
            Assert.Equal(PostgresErrorCodes.InsufficientPrivilege, refused.SqlState);
        }
    }

    [Fact]
    public async Task TheServerStopsAStatementOfAServiceRoleThatOutlivesItsTimeout()
    {
        await using var connection = new NpgsqlConnection((await app.App.GetConnectionStringAsync("scimdb")) + ";Pooling=false;Command Timeout=30");
        await connection.OpenAsync();
        await using var sleep = new NpgsqlCommand("SELECT pg_sleep(10)", connection);
        var stopped = await Assert.ThrowsAsync<PostgresException>(() => sleep.ExecuteNonQueryAsync());
        Assert.Equal(PostgresErrorCodes.QueryCanceled, stopped.SqlState);
        Assert.Contains("statement timeout", stopped.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ADatabaseFromBeforeTheRolesIsHandedToItsOwnerWithEveryTable()
    {
        var server = new NpgsqlConnectionStringBuilder(await app.App.GetConnectionStringAsync("scimdb"))
        {
            Username = "postgres",
            Password = app.PostgresPassword,
            Database = "postgres",
            Pooling = false,
        };
        var suffix = Guid.NewGuid().ToString("N")[..10];
        var owned = new OwnedDatabase("legacy_" + suffix, "legacy_owner_" + suffix, Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16)));
        await using (var connection = new NpgsqlConnection(server.ConnectionString))
        {
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"CREATE DATABASE {owned.Name}");
        }
        try
        {
            await using (var legacy = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString) { Database = owned.Name }.ConnectionString))
            {
                await legacy.OpenAsync();
                await ExecuteAsync(legacy, "CREATE TABLE kept (id bigserial PRIMARY KEY, name text); CREATE SEQUENCE loose; CREATE VIEW names AS SELECT name FROM kept");
            }

            await DatabaseOwners.EnsureAsync(server.ConnectionString, [owned], CancellationToken.None);
            // Twice: a second start finds everything in place and changes nothing it should not.
            await DatabaseOwners.EnsureAsync(server.ConnectionString, [owned], CancellationToken.None);

            await using var asOwner = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server.ConnectionString)
            {
                Database = owned.Name,
                Username = owned.Role,
                Password = owned.Password,
            }.ConnectionString);
            await asOwner.OpenAsync();
            await ExecuteAsync(asOwner, "ALTER TABLE kept ADD COLUMN added text; INSERT INTO kept (name) VALUES ('x'); SELECT nextval('loose'); DROP VIEW names");
            Assert.Equal(0L, await ScalarAsync<long>(asOwner,
                "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = current_user)"));
        }
        finally
        {
            await using var connection = new NpgsqlConnection(server.ConnectionString);
            await connection.OpenAsync();
            await ExecuteAsync(connection, $"DROP DATABASE IF EXISTS {owned.Name} WITH (FORCE)");
            await ExecuteAsync(connection, $"DROP ROLE IF EXISTS {owned.Role}");
        }
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
