using Microsoft.EntityFrameworkCore;

namespace Provisioning.ScimService.Data;

public static class DatabaseMigration
{
    /// <summary>
    /// Brings scimdb up to date before the service listens, so nothing that waits for this
    /// service's health sees an old schema. EF takes a database lock, so replicas may race safely.
    /// </summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var database = scope.ServiceProvider.GetRequiredService<ScimDbContext>().Database;
        // Requests are bounded to 2 s per command and to 2 s to connect (FailFast); a migration at
        // start-up may take longer, and on a busy machine a connection may too: try again a while.
        database.SetCommandTimeout(TimeSpan.FromMinutes(2));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await database.MigrateAsync();
                return;
            }
            catch (Npgsql.NpgsqlException e) when (e.IsTransient && attempt < 15)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
    }
}
