using Aspire.Hosting.Testing;
using Npgsql;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>Reads and nudges policydb directly, for tests that check what PostgreSQL holds after a race.</summary>
public static class PolicyRows
{
    public static async Task<long> CountAsync(this ProvisioningApp app, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(app);
        await using var command = Command(connection, sql, parameters);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public static async Task ExecuteAsync(this ProvisioningApp app, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(app);
        await using var command = Command(connection, sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<NpgsqlConnection> OpenAsync(ProvisioningApp app)
    {
        var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("policydb"));
        await connection.OpenAsync();
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }
        return command;
    }
}
