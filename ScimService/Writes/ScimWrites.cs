using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Realms.Engine;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Writes;

/// <summary>
/// How every SCIM write to users and groups opens, in one place: the connection's settings are read
/// (before any lock, so no row waits on PolicyService), the transaction begins, and for a write to an
/// existing resource its row is locked, a missing row answers 404 and a stale If-Match 412.
/// </summary>
public sealed class ScimWrites(ScimDbContext db, ProvisioningEngine engine, TimeProvider clock)
{
    /// <summary>A create: settings, then BEGIN; the row is the caller's to add. Settings that cannot be had (an unknown connection, PolicyService unavailable) are the <see cref="ScimWrite{T}.Refusal"/>.</summary>
    public async Task<ScimWrite<T>> BeginAsync<T>(ScimCall call, CancellationToken cancellationToken) where T : class, IStoredResource
    {
        var lookup = await engine.SettingsOfAsync(call.ConnectionId, cancellationToken);
        if (lookup is not SettingsLookup.Found found)
        {
            return ScimWrite<T>.Refused(lookup.ScimRefusal());
        }
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // A failed save ends the write (409, or the error), never goes on in the transaction: EF's
        // savepoint around each save would be two round trips to PostgreSQL for nothing.
        db.Database.AutoSavepointsEnabled = false;
        return new ScimWrite<T>(db, engine.Begin(call, db, found.Settings), transaction, clock);
    }

    /// <summary>
    /// A PUT, PATCH or DELETE: settings, BEGIN, the row locked, then 404 or 412 as <see cref="ScimWrite{T}.Refusal"/>.
    /// <paramref name="read"/> reads the locked row, with what else the response needs in the same statement (a user's groups).
    /// </summary>
    public async Task<ScimWrite<T>> OpenAsync<T>(ScimCall call, string resourceType, string id, CancellationToken cancellationToken,
        Func<IQueryable<T>, CancellationToken, Task<T?>>? read = null) where T : class, IStoredResource
    {
        var write = await BeginAsync<T>(call, cancellationToken);
        if (write.Refusal is not null)
        {
            return write;
        }
        read ??= async (locked, ct) => (await locked.ToListAsync(ct)).SingleOrDefault();
        var row = Guid.TryParse(id, out var rowId) ? await read(Locked<T>(call.ConnectionId, rowId), cancellationToken) : null;
        if (row is null)
        {
            return write.Refuse(ScimResponses.NotFound(resourceType, id));
        }
        return Preconditions.Mismatch(call.IfMatch, row.Version) is { } stale ? write.Refuse(stale) : write.Holding(row);
    }

    /// <summary>The row, held until the transaction ends once read, so concurrent writes queue up instead of losing each other.</summary>
    private IQueryable<T> Locked<T>(Guid connectionId, Guid id) where T : class, IStoredResource
    {
        // The table name comes from the model, never from the request; the values are parameters. A query
        // composed on it keeps FOR UPDATE in its subquery, which locks the row all the same.
        var sql = "SELECT * FROM " + db.Model.FindEntityType(typeof(T))!.GetTableName() + " WHERE id = {0} AND connection_id = {1} FOR UPDATE";
        return db.Set<T>().FromSqlRaw(sql, id, connectionId);
    }
}
