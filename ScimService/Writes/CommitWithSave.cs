using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Provisioning.ScimService.Writes;

/// <summary>
/// Sends a write's COMMIT in the same batch as its last save: EF Core commits with a round trip of its own
/// after the save, which PostgreSQL can as well take as the batch's last statement. Armed for one save by
/// <see cref="ScimWrite{T}.SaveAndCommitAsync"/>, only when nothing in the save can fail once the server has
/// run it: a statement that fails aborts the rest of the batch, the COMMIT with it, and the transaction
/// rolls back as before.
/// </summary>
public sealed class CommitWithSave : DbCommandInterceptor
{
    private static readonly AsyncLocal<Ride?> Armed = new();

    /// <summary>Runs <paramref name="save"/> with its command carrying the COMMIT; true when it did (the transaction is over).</summary>
    internal static async Task<bool> SaveAsync(Func<Task> save)
    {
        var ride = new Ride();
        Armed.Value = ride;
        try
        {
            await save();
        }
        finally
        {
            Armed.Value = null;
        }
        return ride.Sent;
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Attach(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Attach(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Attach(DbCommand command, CommandEventData eventData)
    {
        if (Armed.Value is not { } ride || eventData.CommandSource != CommandSource.SaveChanges || command.Transaction is null)
        {
            return;
        }
        // ScimWrite arms only saves EF sends as one command (small, no key waiting on another's); a second would run after the COMMIT.
        if (ride.Sent)
        {
            throw new InvalidOperationException("A save that carried its transaction's COMMIT sent a second command.");
        }
        command.CommandText += "\nCOMMIT;";
        ride.Sent = true;
    }

    private sealed class Ride
    {
        public bool Sent;
    }
}
