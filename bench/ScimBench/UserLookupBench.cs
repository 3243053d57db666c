using System.Text.Json;
using Npgsql;
using Provisioning.ScimService.Protocol.Filtering;
using Provisioning.ScimService.Protocol.Schemas;

namespace Provisioning.Bench;

/// <summary>
/// Okta's lookup before every create, <c>userName eq "x"</c>: our filter translated to SQL on an
/// index, against the design that loads a connection's users and filters them in memory.
/// </summary>
public static class UserLookupBench
{
    public static async Task RunAsync(BenchSystem system, BenchTenant tenant, int users, Report report)
    {
        await using var dataSource = NpgsqlDataSource.Create((await system.ScimDbConnectionStringAsync())!);
        users = Seeding.UserCount;
        string Target(int i) => Seeding.UserName(Math.Abs(i * 7919) % users);

        report.Add($"userName eq: filter → SQL on the index ({users:N0} users)", await Report.TimeAsync(200, async i =>
        {
            var sql = SqlFilterTranslator.Translate(FilterParser.Parse($"userName eq \"{Target(i).ToUpperInvariant()}\""), ResourceTypes.User);
            await using var command = dataSource.CreateCommand($"SELECT r.id FROM scim_users r WHERE r.connection_id = @connection AND ({sql.Sql}) LIMIT 100");
            command.Parameters.AddWithValue("connection", tenant.ConnectionId);
            command.Parameters.AddRange(sql.Parameters.ToArray());
            await using var reader = await command.ExecuteReaderAsync();
            if (!await reader.ReadAsync()) throw new InvalidOperationException("The user was not found.");
        }));

        report.Add("userName eq: baseline, load the connection's users and filter in memory", await Report.TimeAsync(10, async i =>
        {
            var wanted = Target(i);
            await using var command = dataSource.CreateCommand("SELECT attributes FROM scim_users WHERE connection_id = @connection");
            command.Parameters.AddWithValue("connection", tenant.ConnectionId);
            await using var reader = await command.ExecuteReaderAsync();
            var found = false;
            while (await reader.ReadAsync())
            {
                using var document = JsonDocument.Parse(reader.GetString(0));
                found |= string.Equals(document.RootElement.GetProperty("userName").GetString(), wanted, StringComparison.OrdinalIgnoreCase);
            }
            if (!found) throw new InvalidOperationException("The user was not found.");
        }), baselineOf: $"userName eq: filter → SQL on the index ({users:N0} users)");

        report.Add("userName eq: GET /Users?filter=… through the Gateway (end to end)", await Report.TimeAsync(200, async i =>
        {
            using var response = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString($"userName eq \"{Target(i)}\"")}");
            response.EnsureSuccessStatusCode();
        }));

        report.Add("emails[type eq \"work\"].value eq: through the Gateway (end to end)", await Report.TimeAsync(200, async i =>
        {
            using var response = await tenant.Scim.GetAsync($"Users?filter={Uri.EscapeDataString($"emails[type eq \"work\"].value eq \"{Target(i)}\"")}");
            response.EnsureSuccessStatusCode();
        }));
    }
}
