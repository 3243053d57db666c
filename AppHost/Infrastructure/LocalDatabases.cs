using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Provisioning.AppHost.Infrastructure;

/// <summary>
/// The local PostgreSQL counts as healthy only once it accepts connections and its databases
/// exist. Creating them here, once, matters when a service runs several replicas: each replica's
/// migration would otherwise try CREATE DATABASE at the same moment on a fresh data folder, and
/// all but one would crash. (In container mode Aspire's AddDatabase does the same.)
/// </summary>
public sealed class LocalDatabases(string serverConnectionString, IReadOnlyList<string> databases) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = new NpgsqlConnection(serverConnectionString);
            await connection.OpenAsync(cancellationToken);
            foreach (var database in databases)
            {
                await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
                exists.Parameters.AddWithValue("name", database);
                if (await exists.ExecuteScalarAsync(cancellationToken) is null)
                {
                    await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
    }
}
