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
        await scope.ServiceProvider.GetRequiredService<ScimDbContext>().Database.MigrateAsync();
    }
}
