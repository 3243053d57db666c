using Microsoft.EntityFrameworkCore;

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
        await database.OpenConnectionAsync();
        try
        {
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_lock(hashtext('provisioning:migrate:policydb'))");
            await database.MigrateAsync();
        }
        finally
        {
            // Closing the session releases the lock too; this only says so sooner.
            await database.ExecuteSqlRawAsync("SELECT pg_advisory_unlock_all()");
            await database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// <c>--migrate-only</c>: migrate and exit, as the Kubernetes migration Job runs the service's image
    /// before a release's pods start.
    /// </summary>
    public static bool MigrateOnly(string[] args) => args.Contains("--migrate-only");
}
