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
        return new ScimWrite<T>(engine.Begin(call, db, found.Settings), transaction, clock);
    }

    /// <summary>A PUT, PATCH or DELETE: settings, BEGIN, the row locked, then 404 or 412 as <see cref="ScimWrite{T}.Refusal"/>.</summary>
    public async Task<ScimWrite<T>> OpenAsync<T>(ScimCall call, string resourceType, string id, CancellationToken cancellationToken) where T : class, IStoredResource
    {
        var write = await BeginAsync<T>(call, cancellationToken);
        if (write.Refusal is not null)
        {
            return write;
        }
        var row = Guid.TryParse(id, out var rowId) ? await LockAsync<T>(call.ConnectionId, rowId, cancellationToken) : null;
        if (row is null)
        {
            return write.Refuse(ScimResponses.NotFound(resourceType, id));
        }
        return Preconditions.Mismatch(call.IfMatch, row.Version) is { } stale ? write.Refuse(stale) : write.Holding(row);
    }

    /// <summary>Reads the row and holds it until the transaction ends, so concurrent writes queue up instead of losing each other.</summary>
    private async Task<T?> LockAsync<T>(Guid connectionId, Guid id, CancellationToken cancellationToken) where T : class, IStoredResource
    {
        // The table name comes from the model, never from the request; the values are parameters.
        var sql = "SELECT * FROM " + db.Model.FindEntityType(typeof(T))!.GetTableName() + " WHERE id = {0} AND connection_id = {1} FOR UPDATE";
        return (await db.Set<T>().FromSqlRaw(sql, id, connectionId)
            .ToListAsync(cancellationToken)).SingleOrDefault();
    }
}
