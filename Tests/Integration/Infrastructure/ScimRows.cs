using Aspire.Hosting.Testing;
using Npgsql;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// Writes SCIM users straight into scimdb, for tests of what reads them (the Admin UI's
/// directory), independent of how the SCIM endpoints write.
/// </summary>
public static class ScimRows
{
    public static async Task<Guid> InsertUserAsync(this ProvisioningApp app, Guid connectionId, string userName,
        string? displayName = null, string? email = null, bool active = true)
    {
        var id = Guid.CreateVersion7();
        var attributes = new JsonObject
        {
            ["userName"] = userName,
            ["active"] = active,
        };
        if (displayName is not null)
        {
            attributes["displayName"] = displayName;
        }
        if (email is not null)
        {
            attributes["emails"] = new JsonArray(new JsonObject { ["value"] = email, ["type"] = "work", ["primary"] = true });
        }
        await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("scimdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO scim_users (id, connection_id, user_name, user_name_key, display_name, active, attributes, email_values, version, created, last_modified)
            VALUES (@id, @connection, @name, lower(@name), @display, @active, @attributes::jsonb, @emails, 1, now(), now())
            """, connection);
        command.Parameters.AddWithValue("id", id);
        command.Parameters.AddWithValue("connection", connectionId);
        command.Parameters.AddWithValue("name", userName);
        command.Parameters.AddWithValue("display", (object?)displayName ?? DBNull.Value);
        command.Parameters.AddWithValue("active", active);
        command.Parameters.AddWithValue("attributes", attributes.ToJsonString());
        command.Parameters.AddWithValue("emails", email is null ? Array.Empty<string>() : [email.ToLowerInvariant()]);
        await command.ExecuteNonQueryAsync();
        return id;
    }

    /// <summary>Every column of a user's row, as PostgreSQL's own JSON of it.</summary>
    public static async Task<string> UserRowAsync(this ProvisioningApp app, string id)
    {
        await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("scimdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT row_to_json(u)::text FROM scim_users u WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", Guid.Parse(id));
        return (string)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Adds <paramref name="count"/> new users to a group in one statement, for tests of groups too large to push one by one.</summary>
    public static async Task AddGeneratedMembersAsync(this ProvisioningApp app, Guid connectionId, string groupId, int count)
    {
        await using var connection = new NpgsqlConnection(await app.App.GetConnectionStringAsync("scimdb"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            WITH added AS (
                INSERT INTO scim_users (id, connection_id, user_name, user_name_key, active, attributes, email_values, version, created, last_modified)
                SELECT gen_random_uuid(), @connection, 'generated-' || @group || '-' || n, 'generated-' || @group || '-' || n, true,
                       jsonb_build_object('userName', 'generated-' || @group || '-' || n), '{}', 1, now(), now()
                FROM generate_series(1, @count) n
                RETURNING id)
            INSERT INTO scim_group_members (connection_id, group_id, member_id, member_type)
            SELECT @connection, @groupId, id, 'User' FROM added
            """, connection);
        command.Parameters.AddWithValue("connection", connectionId);
        command.Parameters.AddWithValue("group", groupId);
        command.Parameters.AddWithValue("groupId", Guid.Parse(groupId));
        command.Parameters.AddWithValue("count", count);
        await command.ExecuteNonQueryAsync();
        // Thousands of rows at once, as autovacuum would soon notice: the planner reads the tables as they now are.
        await using var analyze = new NpgsqlCommand("ANALYZE scim_users, scim_group_members", connection);
        await analyze.ExecuteNonQueryAsync();
    }
}
