using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Provisioning.PolicyService.Data;

public static class DatabaseMigration
{
    /// <summary>
    /// Brings policydb up to date before the service listens, so nothing that waits for this
    /// service's health sees an old schema. Replicas (and the Kubernetes migration Job) start
    /// together: a session advisory lock lets one migrate while the others wait and then find
    /// nothing left to do; EF's own migration lock does not stop two of them applying one step.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<PolicyDbContext>().Database;
        // Requests are bounded to 2 s per command and to 2 s to connect (FailFast); a migration at
        // start-up may take longer, and on a busy machine a connection may too: try again a while.
        database.SetCommandTimeout(TimeSpan.FromMinutes(2));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await MigrateUnderLockAsync(database);
                return;
            }
            // Npgsql's execution strategy wraps a transient fault (a connection that timed out on a busy
            // machine) in an InvalidOperationException: both shapes are worth another try.
            catch (Exception e) when (IsTransient(e) && attempt < 15)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }

    private static bool IsTransient(Exception e) =>
        e is Npgsql.NpgsqlException { IsTransient: true } || e.InnerException is Npgsql.NpgsqlException { IsTransient: true };

    /// <summary>Replicas starting together migrate one after another, never the same migration twice.</summary>
    private static async Task MigrateUnderLockAsync(DatabaseFacade database)
    {
        await database.OpenConnectionAsync();
        try
        {
            // The service's role stops a statement after a few seconds (AppHost DatabaseOwners); waiting
            // for another replica's migration, or building an index on a large table, may take minutes.
            await database.ExecuteSqlRawAsync("SET statement_timeout = '2min'");
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(hashtext('provisioning:migrate:policydb'))");
            // Where the Kubernetes Job (or another replica) migrated first, nothing is pending, and asking is two queries.
            // MigrateAsync would still build the migrations' model to compare with the service's: code and data the
            // process then keeps, 3-4 MB here (docs/benchmarks.md, "The young generation's budget, and the native heap").
            // On a fresh database EF would read its history table before creating it and log each failed read
            // as an error (in the pending check and again inside MigrateAsync): there the table is created first.
            if (!await HistoryTableExistsAsync(database))
            {
                await database.GetService<IHistoryRepository>().CreateIfNotExistsAsync();
                await database.MigrateAsync();
            }
            else if ((await database.GetPendingMigrationsAsync()).Any())
            {
                await database.MigrateAsync();
            }
        }
        finally
        {
            // Closing the session releases the lock too; this only says so sooner.
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock_all()");
            // Pooled connections keep their session settings (No Reset On Close): give this one back as the role has it.
            await database.ExecuteSqlRawAsync("RESET statement_timeout");
            await database.CloseConnectionAsync();
        }
    }

    private static async Task<bool> HistoryTableExistsAsync(DatabaseFacade database)
    {
        await using var command = database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT to_regclass('\"__EFMigrationsHistory\"') IS NOT NULL";
        return await command.ExecuteScalarAsync() is true;
    }

    /// <summary>
    /// <c>--migrate-only</c>: migrate and exit, as the Kubernetes migration Job runs the service's image
    /// before a release's pods start.
    /// </summary>
    public static bool MigrateOnly(string[] args) => args.Contains("--migrate-only");
}
