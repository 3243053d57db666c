using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace Provisioning.AppHost.Infrastructure;

/// <summary>
/// The PostgreSQL server counts as healthy only once it accepts connections and each service's
/// role and database are in place (<see cref="DatabaseOwners"/>), so no service starts before it
/// can log in. Doing it here, once, also matters when a service runs several replicas: each would
/// otherwise race the others on a fresh server.
/// </summary>
public sealed class DatabaseSetupCheck(Func<CancellationToken, Task<string>> serverConnectionString, IReadOnlyList<OwnedDatabase> databases) : IHealthCheck
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _done;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var connectionString = await serverConnectionString(cancellationToken);
            if (_done)
            {
                // The roles and databases outlive a restart of the server; only its answer is in question.
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            await DatabaseOwners.EnsureAsync(connectionString, databases, cancellationToken);
            _done = true;
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy(e.Message, e);
        }
        finally
        {
            _gate.Release();
        }
    }
}

public static class DatabaseSetupChecks
{
    /// <summary>Registers the check; its name goes to the server resource's <c>WithHealthCheck</c>.</summary>
    public static string AddDatabaseSetupCheck(this IDistributedApplicationBuilder builder,
        Func<CancellationToken, Task<string>> serverConnectionString, IReadOnlyList<OwnedDatabase> databases)
    {
        const string name = "postgres-databases-ready";
        var check = new DatabaseSetupCheck(serverConnectionString, databases);
        builder.Services.AddHealthChecks().Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(name, _ => check, failureStatus: null, tags: null));
        return name;
    }
}
