using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Writes;

/// <summary>
/// One open SCIM write: its provisioning run, its transaction and, for a write to an existing
/// resource, the locked row — or the refusal (404, 412) that ends it before anything is written.
/// Disposing it without <see cref="CommitAsync"/> or <see cref="SaveAndCommitAsync"/> rolls everything back.
/// </summary>
public sealed class ScimWrite<T>(DbContext? db, ProvisioningRun? provisioning, IDbContextTransaction? transaction, TimeProvider clock) : IAsyncDisposable
    where T : class, IStoredResource
{
    private T? _resource;

    public ProvisioningRun Provisioning => provisioning ?? throw new InvalidOperationException("A refused write has no provisioning run.");

    /// <summary>Why the write cannot go on; null when <see cref="Resource"/> is held.</summary>
    public ScimJsonResult? Refusal { get; private set; }

    public T Resource => _resource ?? throw new InvalidOperationException("A refused or create write holds no row.");

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>The row changed: a new version (its ETag) and modification time.</summary>
    public void Touch()
    {
        Resource.Version++;
        Resource.LastModified = clock.GetUtcNow();
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Transaction.CommitAsync(cancellationToken);

    /// <summary>
    /// Saves the write (a unique violation of the resource is 409 uniqueness on <paramref name="uniqueAttribute"/>) and commits,
    /// the COMMIT in the save's batch when nothing in it can fail after PostgreSQL has run it: rows inserted, and rows
    /// updated or deleted that this transaction holds locked (an update of a row that another transaction deleted meanwhile
    /// would find no row, and EF would fail the write only after the batch, its COMMIT included, had run).
    /// </summary>
    public async Task SaveAndCommitAsync(string uniqueAttribute, CancellationToken cancellationToken)
    {
        var context = db ?? throw new InvalidOperationException("A refused write has no database.");
        if (CommitCanRideWithSave(context))
        {
            if (await CommitWithSave.SaveAsync(() => context.SaveUniqueAsync(uniqueAttribute, cancellationToken)))
            {
                // PostgreSQL has committed. Disposing the transaction (nothing is left to roll back) makes EF forget it,
                // as its own commit would, so a read for the response runs outside it.
                await Transaction.DisposeAsync();
                return;
            }
            // The save had nothing to send: the COMMIT goes alone.
        }
        else
        {
            await context.SaveUniqueAsync(uniqueAttribute, cancellationToken);
        }
        await Transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Far below EF's batch size, so the save is one command (and one round trip).</summary>
    private const int MostChangesInOneRide = 100;

    /// <summary>
    /// The save is one command whose every statement either fails (and takes the COMMIT down with it) or does what
    /// EF expects: inserts, and updates or deletes of rows held locked. A row whose foreign key waits for another
    /// row's generated key would make EF split the save in two, so it commits on its own too.
    /// </summary>
    private bool CommitCanRideWithSave(DbContext context)
    {
        var changes = 0;
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }
            if (++changes > MostChangesInOneRide
                || entry.State != EntityState.Added && !ReferenceEquals(entry.Entity, _resource) && !Provisioning.HoldsLocked(entry.Entity)
                || entry.State == EntityState.Added && entry.Properties.Any(p => p.IsTemporary && p.Metadata.IsForeignKey()))
            {
                return false;
            }
        }
        return true;
    }

    private IDbContextTransaction Transaction => transaction ?? throw new InvalidOperationException("A refused write has no transaction.");

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>A write refused before its transaction began.</summary>
    internal static ScimWrite<T> Refused(ScimJsonResult refusal) => new ScimWrite<T>(null, null, null, TimeProvider.System).Refuse(refusal);

    internal ScimWrite<T> Holding(T resource)
    {
        _resource = resource;
        return this;
    }

    internal ScimWrite<T> Refuse(ScimJsonResult refusal)
    {
        Refusal = refusal;
        return this;
    }
}
