using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// pgbench on the same PostgreSQL, connected as the superuser: the database's own speed for the work a
/// SCIM read or create needs, on a copy of the benchmark connection's users (<c>bench_scim_users</c>:
/// the same columns as <c>scim_users</c>, ids that pgbench can compute, the same unique index on
/// connection + lower(userName)).
/// </summary>
public static partial class Pgbench
{
    public const string Table = "bench_scim_users";

    public static async Task PrepareAsync(NpgsqlDataSource scimDb, Guid connectionId)
    {
        await using var connection = await scimDb.OpenConnectionAsync();
        var columns = new List<string>();
        await using (var read = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'scim_users' ORDER BY ordinal_position", connection))
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add(reader.GetString(0));
            }
        }
        var select = string.Join(", ", columns.Select(c => c == "id" ? "md5((row_number() OVER ())::text)::uuid AS id" : c));
        await using var command = new NpgsqlCommand($"""
            DROP TABLE IF EXISTS {Table};
            CREATE TABLE {Table} (LIKE scim_users INCLUDING DEFAULTS);
            INSERT INTO {Table} SELECT {select} FROM scim_users WHERE connection_id = @connection;
            ALTER TABLE {Table} ADD PRIMARY KEY (id);
            CREATE UNIQUE INDEX ON {Table} (connection_id, lower(user_name));
            ANALYZE {Table};
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("connection", connectionId);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A SCIM read: the whole row of one user, by id.</summary>
    public static string SelectById(int users) => $"""
        \set n random(1, {users})
        SELECT * FROM {Table} WHERE id = md5(:n::text)::uuid;
        """;

    /// <summary>A SCIM create: one row with a fresh userName, as scim_users keeps it.</summary>
    public static string InsertOne(Guid connectionId) => $$"""
        INSERT INTO {{Table}} (id, connection_id, user_name, user_name_key, external_id, display_name, active, attributes, custom_values, email_values, version, created, last_modified)
        SELECT g, '{{connectionId}}', n, lower(n), 'pgb-' || g, 'Pgbench User', true,
               jsonb_build_object('userName', n, 'displayName', 'Pgbench User', 'active', true, 'name', jsonb_build_object('givenName', 'Pgbench', 'familyName', 'User'), 'emails', jsonb_build_array(jsonb_build_object('value', n, 'type', 'work', 'primary', true))),
               '{}'::jsonb, ARRAY[lower(n)], 1, now(), now()
        FROM (SELECT g, 'pgb-' || g || '@bench.example' AS n FROM gen_random_uuid() AS g) AS fresh;
        """;

    public static async Task<LoadResult> RunAsync(string script, string connectionString, LoadShape shape, string workDirectory)
    {
        var file = Path.Combine(workDirectory, $"pgbench-{Guid.NewGuid():N}.sql");
        await File.WriteAllTextAsync(file, script);
        var settings = new NpgsqlConnectionStringBuilder(connectionString);
        var output = await Tool.RunAsync("pgbench",
            ["-n", "-M", "prepared", "-c", shape.Connections.ToString(CultureInfo.InvariantCulture), "-j", shape.Threads.ToString(CultureInfo.InvariantCulture),
             "-T", shape.Seconds.ToString(CultureInfo.InvariantCulture), "-f", file, settings.Database!],
            new Dictionary<string, string>
            {
                ["PGHOST"] = settings.Host!,
                ["PGPORT"] = settings.Port.ToString(CultureInfo.InvariantCulture),
                ["PGUSER"] = settings.Username!,
                ["PGPASSWORD"] = settings.Password!,
            });
        File.Delete(file);
        var transactions = TransactionsLine().Match(output);
        var perSecond = TpsLine().Match(output);
        var latency = LatencyLine().Match(output);
        if (transactions.Success && transactions.Groups[1].Value == "0")
        {
            // On a saturated machine 32 clients may not even finish connecting within a short run.
            Console.WriteLine("pgbench ran no transaction:\n" + output);
            return new LoadResult(0, shape.Seconds, 0, null, null, 0);
        }
        if (!transactions.Success || !perSecond.Success)
        {
            throw new InvalidOperationException("pgbench printed no result:\n" + output);
        }
        var failed = FailedLine().Match(output) is { Success: true } f ? long.Parse(f.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        return new LoadResult(
            long.Parse(transactions.Groups[1].Value, CultureInfo.InvariantCulture), shape.Seconds,
            double.Parse(perSecond.Groups[1].Value, CultureInfo.InvariantCulture),
            // pgbench reports the mean, not percentiles; the table shows it in the p50 column, marked.
            latency.Success ? double.Parse(latency.Groups[1].Value, CultureInfo.InvariantCulture) : null, null, failed);
    }

    [GeneratedRegex(@"number of transactions actually processed: (\d+)")]
    private static partial Regex TransactionsLine();

    [GeneratedRegex(@"tps = ([\d.]+) \(without initial connection time\)")]
    private static partial Regex TpsLine();

    [GeneratedRegex(@"latency average = ([\d.]+) ms")]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"number of failed transactions: (\d+)")]
    private static partial Regex FailedLine();
}
