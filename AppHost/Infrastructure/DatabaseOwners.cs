using Npgsql;

namespace Provisioning.AppHost.Infrastructure;

/// <summary>A database and the role that owns it: the only role its service logs in as.</summary>
public sealed record OwnedDatabase(string Name, string Role, string Password);

/// <summary>
/// Least privilege in PostgreSQL: each service logs in as its own role, which owns its database (so
/// the service's migrations run as that owner) and nothing else. The role is no superuser, cannot
/// create roles or databases, and only it may connect to its database. Run with the superuser's
/// connection each time the AppHost starts, so an existing data folder is brought to the same state
/// and a changed password parameter takes effect. docs/operations.md gives the same statements for
/// a PostgreSQL the AppHost does not run.
/// </summary>
public static class DatabaseOwners
{
    /// <summary>
    /// A backstop behind the services' own 2 s command timeout (ServiceDefaults/FailFast.cs): a
    /// statement whose client has gone is stopped by the server too. Migrations raise it for their session.
    /// </summary>
    public const string StatementTimeout = "5s";

    /// <summary>A transaction left open by a hung or dead client would hold its row locks; requests finish in seconds.</summary>
    public const string IdleInTransactionSessionTimeout = "15s";

    public static async Task EnsureAsync(string serverConnectionString, IReadOnlyList<OwnedDatabase> databases, CancellationToken cancellationToken)
    {
        await using var server = new NpgsqlConnection(serverConnectionString);
        await server.OpenAsync(cancellationToken);
        foreach (var database in databases)
        {
            await EnsureRoleAsync(server, database, cancellationToken);
            await EnsureDatabaseAsync(server, database, cancellationToken);
        }
        // Nobody but an owner (and the superuser) connects to a database, the maintenance one included.
        await ExecuteAsync(server, "REVOKE ALL ON DATABASE postgres FROM PUBLIC", cancellationToken);
        foreach (var database in databases)
        {
            await GiveObjectsToOwnerAsync(new NpgsqlConnectionStringBuilder(serverConnectionString) { Database = database.Name, Pooling = false }.ConnectionString,
                database.Role, cancellationToken);
        }
    }

    private static async Task EnsureRoleAsync(NpgsqlConnection server, OwnedDatabase database, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(server, "SELECT 1 FROM pg_roles WHERE rolname = @name", database.Role, cancellationToken))
        {
            await ExecuteAsync(server, $"CREATE ROLE {Quote(database.Role)}", cancellationToken);
        }
        // Rewritten only when it changed: the parameter is the password's one source.
        var stored = await ScalarAsync(server, "SELECT rolpassword FROM pg_authid WHERE rolname = @name", database.Role, cancellationToken);
        var password = ScramVerifier.Matches(stored as string, database.Password) ? "" : $" PASSWORD {Literal(ScramVerifier.Create(database.Password))}";
        await ExecuteAsync(server, $"ALTER ROLE {Quote(database.Role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT{password}", cancellationToken);
        await ExecuteAsync(server, $"ALTER ROLE {Quote(database.Role)} SET statement_timeout = {Literal(StatementTimeout)}", cancellationToken);
        await ExecuteAsync(server, $"ALTER ROLE {Quote(database.Role)} SET idle_in_transaction_session_timeout = {Literal(IdleInTransactionSessionTimeout)}", cancellationToken);
    }

    private static async Task EnsureDatabaseAsync(NpgsqlConnection server, OwnedDatabase database, CancellationToken cancellationToken)
    {
        if (await ExistsAsync(server, "SELECT 1 FROM pg_database WHERE datname = @name", database.Name, cancellationToken))
        {
            await ExecuteAsync(server, $"ALTER DATABASE {Quote(database.Name)} OWNER TO {Quote(database.Role)}", cancellationToken);
        }
        else
        {
            await ExecuteAsync(server, $"CREATE DATABASE {Quote(database.Name)} OWNER {Quote(database.Role)}", cancellationToken);
        }
        await ExecuteAsync(server, $"REVOKE ALL ON DATABASE {Quote(database.Name)} FROM PUBLIC", cancellationToken);
    }

    /// <summary>
    /// A data folder from before the services had roles of their own holds tables the superuser
    /// made: they become the owner's, or its migrations could not alter them.
    /// </summary>
    private static async Task GiveObjectsToOwnerAsync(string databaseConnectionString, string role, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(databaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await ExecuteAsync(connection, $"ALTER SCHEMA public OWNER TO {Quote(role)}", cancellationToken);
        await using var owned = new NpgsqlCommand("""
            SELECT format('ALTER %s %I.%I OWNER TO %I',
                          CASE c.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' ELSE 'TABLE' END,
                          n.nspname, c.relname, @role)
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p', 'S', 'v', 'm')
              AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = @role)
              -- a sequence owned by a column moves with its table
              AND NOT (c.relkind = 'S' AND EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')))
            """, connection);
        owned.Parameters.AddWithValue("role", role);
        var statements = new List<string>();
        await using (var reader = await owned.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                statements.Add(reader.GetString(0));
            }
        }
        foreach (var statement in statements)
        {
            await ExecuteAsync(connection, statement, cancellationToken);
        }
    }

    private static async Task<object?> ScalarAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("name", name);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string sql, string name, CancellationToken cancellationToken) =>
        await ScalarAsync(connection, sql, name, cancellationToken) is not null;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    // Role and database names are ours (constants), the verifier is base64: quoting guards the statement's shape all the same.
    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string value) => "'" + value.Replace("'", "''", StringComparison.Ordinal) + "'";
}
