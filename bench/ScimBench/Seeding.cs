using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace Provisioning.Bench;

/// <summary>
/// Fills scimdb with COPY: many users for one connection, each with a cost centre (a custom string
/// attribute, indexed in <c>custom_values</c> as ScimService keeps a declared one), one group holding
/// many of them and one small group.
/// </summary>
public static class Seeding
{
    public const string CostCenterKey = "urn:ietf:params:scim:schemas:core:2.0:User:costCenter";

    public static Guid GroupId { get; private set; }

    public static Guid SmallGroupId { get; private set; }

    public static IReadOnlyList<Guid> UserIds { get; private set; } = [];

    public static string UserName(int i) => $"user-{i:D7}@bench.example";

    public static string ExternalId(int i) => $"ext-{i}";

    public static string CostCenter(int i) => $"cc-{i:D7}";

    public static async Task SeedAsync(BenchSystem system, BenchTenant tenant, int users, int members)
    {
        await using var connection = new NpgsqlConnection(await system.ScimDbConnectionStringAsync());
        await connection.OpenAsync();
        var now = DateTimeOffset.UtcNow;
        var ids = new Guid[Math.Max(users, members)];
        UserCount = ids.Length;
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY scim_users (id, connection_id, user_name, user_name_key, external_id, display_name, active, attributes, custom_values, email_values, version, created, last_modified) FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = Guid.CreateVersion7();
                var name = UserName(i);
                var attributes = JsonSerializer.Serialize(new
                {
                    userName = name,
                    externalId = ExternalId(i),
                    displayName = $"Bench User {i}",
                    active = true,
                    name = new { givenName = "Bench", familyName = $"User {i}" },
                    emails = new[] { new { value = name, type = "work", primary = true } },
                    costCenter = CostCenter(i),
                });
                await writer.StartRowAsync();
                await writer.WriteAsync(ids[i], NpgsqlDbType.Uuid);
                await writer.WriteAsync(tenant.ConnectionId, NpgsqlDbType.Uuid);
                await writer.WriteAsync(name, NpgsqlDbType.Text);
                await writer.WriteAsync(name, NpgsqlDbType.Text);
                await writer.WriteAsync(ExternalId(i), NpgsqlDbType.Text);
                await writer.WriteAsync($"Bench User {i}", NpgsqlDbType.Text);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(attributes, NpgsqlDbType.Jsonb);
                await writer.WriteAsync(JsonSerializer.Serialize(new Dictionary<string, string[]> { [CostCenterKey] = [CostCenter(i)] }), NpgsqlDbType.Jsonb);
                await writer.WriteAsync(new[] { name }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync(1, NpgsqlDbType.Integer);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz);
            }
            await writer.CompleteAsync();
        }

        GroupId = Guid.CreateVersion7();
        SmallGroupId = Guid.CreateVersion7();
        foreach (var (id, name) in new[] { (GroupId, "Everyone"), (SmallGroupId, "Few") })
        {
            await using var command = new NpgsqlCommand(
                "INSERT INTO scim_groups (id, connection_id, display_name, display_name_key, attributes, version, created, last_modified) VALUES (@id, @c, @name, lower(@name), jsonb_build_object('displayName', @name::text), 1, now(), now())", connection);
            command.Parameters.AddWithValue("id", id);
            command.Parameters.AddWithValue("c", tenant.ConnectionId);
            command.Parameters.AddWithValue("name", name);
            await command.ExecuteNonQueryAsync();
        }
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY scim_group_members (connection_id, group_id, member_id, member_type) FROM STDIN (FORMAT BINARY)"))
        {
            // All but the last user: the benchmark adds that one.
            for (var i = 0; i < members - 1; i++)
            {
                await writer.WriteRowAsync(default, tenant.ConnectionId, GroupId, ids[i], "User");
            }
            await writer.CompleteAsync();
        }
        await using var analyze = new NpgsqlCommand("ANALYZE scim_users; ANALYZE scim_group_members;", connection);
        await analyze.ExecuteNonQueryAsync();
        LastUserId = ids[members - 1];
        UserIds = ids;
    }

    public static Guid LastUserId { get; private set; }

    public static int UserCount { get; private set; }
}
