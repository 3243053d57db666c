using Npgsql;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// The plans PostgreSQL picks for Okta's look-up and for a filter on the declared custom attribute,
/// written as ScimService's filter translation writes them: both must use an index on a large connection.
/// </summary>
public static class QueryPlans
{
    public static async Task PrintAsync(NpgsqlDataSource scimDb, Guid connectionId)
    {
        var userName = Seeding.UserName(4242);
        var containment = $$"""{"{{Seeding.CostCenterKey}}": ["{{Seeding.CostCenter(4242)}}"]}""";
        foreach (var (name, condition) in new[]
        {
            ("userName eq", $"r.user_name_key = lower('{userName}')"),
            ("costCenter eq (custom, declared)", $"r.custom_values @> '{containment}'::jsonb AND r.attributes->>'costCenter' = '{Seeding.CostCenter(4242)}'"),
        })
        {
            await using var command = scimDb.CreateCommand(
                $"EXPLAIN SELECT r.id FROM scim_users r WHERE r.connection_id = '{connectionId}' AND {condition} LIMIT 100");
            await using var reader = await command.ExecuteReaderAsync();
            Console.WriteLine($"Plan for {name}:");
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(0));
            }
        }
    }
}
