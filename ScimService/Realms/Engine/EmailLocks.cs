using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Provisioning.ScimService.Realms.Engine;

/// <summary>
/// The transaction-long lock on an email and the look-up of its account in one round trip: a batch of
/// two statements. PostgreSQL runs them in order and, in READ COMMITTED, takes the look-up's snapshot
/// when the look-up starts, after the lock is granted: it sees the account that the lock's previous
/// holder created and committed.
/// </summary>
internal static class EmailLocks
{
    /// <summary>
    /// The look-up by email: it must use the (organization_id, email_key) index, which the migration
    /// LinkedAccountIndexOnlyForLinkedAccounts sees to (AccountLookUpPlanTests pins it).
    /// The table name comes from the model, never from the request; the values are parameters.
    /// </summary>
    internal static string AccountByEmail(string table) => $"SELECT id FROM {table} WHERE organization_id = $1 AND email_key = $2";

    /// <summary>The id of the account with this email in the table, or null; the lock is held until the transaction ends.</summary>
    public static async Task<Guid?> LockAndFindAsync(ScimDbContext db, string table, Guid organizationId, string lockName, string emailKey, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
            await using var batch = new NpgsqlBatch((NpgsqlConnection)db.Database.GetDbConnection(), transaction)
            {
                BatchCommands =
                {
                    new NpgsqlBatchCommand("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))") { Parameters = { new() { Value = lockName } } },
                    new NpgsqlBatchCommand(AccountByEmail(table))
                    {
                        Parameters = { new() { Value = organizationId }, new() { Value = emailKey } },
                    },
                },
            };
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.NextResultAsync(cancellationToken);
            return await reader.ReadAsync(cancellationToken) ? reader.GetGuid(0) : null;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
