using Npgsql;
using NpgsqlTypes;

namespace Provisioning.Bench;

/// <summary>
/// One member in and out of a very large group: our SQL deltas against the design that keeps
/// members as a list on the group and rewrites the list on every change.
/// </summary>
public static class MembershipBench
{
    public static async Task RunAsync(BenchSystem system, BenchTenant tenant, int members, Report report)
    {
        await using var dataSource = NpgsqlDataSource.Create((await system.ScimDbConnectionStringAsync())!);
        var group = Seeding.GroupId;
        var member = Seeding.LastUserId;
        var ours = $"add + remove one member: SQL deltas ({members:N0}-member group)";

        report.Add(ours, await Report.TimeAsync(200, async _ =>
        {
            await using var batch = dataSource.CreateBatch();
            batch.BatchCommands.Add(Command("""
                INSERT INTO scim_group_members (connection_id, group_id, member_id, member_type)
                SELECT @c, @g, u.id, 'User' FROM scim_users u WHERE u.connection_id = @c AND u.id = ANY(@ids)
                ON CONFLICT (connection_id, group_id, member_id) DO NOTHING
                """, tenant.ConnectionId, group, member));
            await batch.ExecuteNonQueryAsync();
            await using var remove = dataSource.CreateCommand("DELETE FROM scim_group_members WHERE connection_id = @c AND group_id = @g AND member_id = ANY(@ids)");
            remove.Parameters.AddWithValue("c", tenant.ConnectionId);
            remove.Parameters.AddWithValue("g", group);
            remove.Parameters.AddWithValue("ids", new[] { member });
            await remove.ExecuteNonQueryAsync();
        }));

        report.Add("add + remove one member: baseline, load the member list and rewrite it", await Report.TimeAsync(5, async _ =>
        {
            for (var change = 0; change < 2; change++)
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var transaction = await connection.BeginTransactionAsync();
                var list = new List<Guid>();
                await using (var read = new NpgsqlCommand("SELECT member_id FROM scim_group_members WHERE group_id = @g", connection, transaction))
                {
                    read.Parameters.AddWithValue("g", group);
                    await using var reader = await read.ExecuteReaderAsync();
                    while (await reader.ReadAsync()) list.Add(reader.GetGuid(0));
                }
                if (change == 0) list.Add(member); else list.Remove(member);
                await using (var clear = new NpgsqlCommand("DELETE FROM scim_group_members WHERE group_id = @g", connection, transaction))
                {
                    clear.Parameters.AddWithValue("g", group);
                    await clear.ExecuteNonQueryAsync();
                }
                await using (var writer = await connection.BeginBinaryImportAsync("COPY scim_group_members (connection_id, group_id, member_id, member_type) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var id in list)
                    {
                        await writer.WriteRowAsync(default, tenant.ConnectionId, group, id, "User");
                    }
                    await writer.CompleteAsync();
                }
                await transaction.CommitAsync();
            }
        }), baselineOf: ours);

        report.Add("add + remove one member: two PATCH /Groups through the Gateway (end to end)", await Report.TimeAsync(100, async _ =>
        {
            foreach (var op in new[] { "add", "remove" })
            {
                var body = op == "add"
                    ? $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"add","path":"members","value":[{"value":"{{member}}"}]}]}"""
                    : $$"""{"schemas":["urn:ietf:params:scim:api:messages:2.0:PatchOp"],"Operations":[{"op":"remove","path":"members[value eq \"{{member}}\"]"}]}""";
                using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/scim+json");
                using var response = await tenant.Scim.PatchAsync($"Groups/{group}", content);
                response.EnsureSuccessStatusCode();
            }
        }));
    }

    private static NpgsqlBatchCommand Command(string sql, Guid connection, Guid group, Guid member)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddWithValue("c", connection);
        command.Parameters.AddWithValue("g", group);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { Value = new[] { member } });
        return command;
    }
}
