using Microsoft.EntityFrameworkCore.Storage;
using Provisioning.ScimService.Protocol;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Writes;

/// <summary>
/// One open SCIM write: its provisioning run, its transaction and, for a write to an existing
/// resource, the locked row — or the refusal (404, 412) that ends it before anything is written.
/// Disposing it without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public sealed class ScimWrite<T>(ProvisioningRun? provisioning, IDbContextTransaction? transaction, TimeProvider clock) : IAsyncDisposable
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

    public Task CommitAsync(CancellationToken cancellationToken) =>
        (transaction ?? throw new InvalidOperationException("A refused write has no transaction.")).CommitAsync(cancellationToken);

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;

    /// <summary>A write refused before its transaction began.</summary>
    internal static ScimWrite<T> Refused(ScimJsonResult refusal) => new ScimWrite<T>(null, null, TimeProvider.System).Refuse(refusal);

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
