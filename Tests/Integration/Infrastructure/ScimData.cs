using Aspire.Hosting.Testing;
using Npgsql;

namespace Provisioning.Tests.Integration.Infrastructure;

public static class ScimData
{
    /// <summary>Puts a user straight into scimdb for a connection, to see who can read it.</summary>
    public static async Task InsertUserAsync(this ProvisioningApp app, Guid connectionId, string userName)
    {
        await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("scimdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO scim_users (id, connection_id, user_name, user_name_key, active, attributes, version, created, last_modified)
            VALUES (@id, @connection, @name, lower(@name), true, '{}'::jsonb, 1, now(), now())
            """, connection);
        command.Parameters.AddWithValue("id", Guid.CreateVersion7());
        command.Parameters.AddWithValue("connection", connectionId);
        command.Parameters.AddWithValue("name", userName);
        await command.ExecuteNonQueryAsync();
    }
}
