using Npgsql;

namespace Provisioning.Bench.Throughput;

/// <summary>
/// Statements and commits the whole server ran, from pg_stat_statements (updated as each statement
/// ends, unlike pg_stat_database's counters, which backends flush seconds later). BEGIN is left out:
/// Npgsql sends it in the same round trip as the transaction's first statement. So "statements" is
/// an upper bound on round trips (statements batched together count once each).
/// </summary>
public sealed class StatementCounter(NpgsqlDataSource server)
{
    public async Task<long> ReadAsync()
    {
        await using var command = server.CreateCommand("""
            SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements
            WHERE query !~* '^\s*(BEGIN|START TRANSACTION)' AND query !~* 'pg_stat_statements|EXPLAIN'
            """);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    public static async Task<StatementCounter> CreateAsync(NpgsqlDataSource server)
    {
        await using var command = server.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        await command.ExecuteNonQueryAsync();
        return new StatementCounter(server);
    }
}
