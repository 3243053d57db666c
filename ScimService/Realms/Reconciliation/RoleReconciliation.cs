using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.Realms.Engine;

namespace Provisioning.ScimService.Realms.Reconciliation;

/// <summary>
/// Brings a connection's collaborators' roles up to its newest settings version. Idempotent and
/// safe from several replicas at once: the connection's reconciliation row is locked, and a
/// version already reached answers what reaching it did.
/// </summary>
public sealed class RoleReconciliation(ScimDbContext db, ProvisioningEngine engine, TimeProvider clock)
{
    /// <summary>Null for a connection PolicyService does not know. Throws when PolicyService or PostgreSQL cannot answer.</summary>
    public async Task<(RolesReconciledDto Reconciled, Realm Realm)?> ReconcileAsync(Guid connectionId, CancellationToken cancellationToken)
    {
        // Settings are read fresh and before the transaction, so no lock waits on HTTP.
        if (await engine.BeginForAdminAsync(connectionId, db, cancellationToken) is not { } run)
        {
            return null;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO settings_reconciliations (connection_id, settings_version, collaborators_evaluated, collaborators_changed, reconciled_at) VALUES ({connectionId}, 0, 0, 0, {clock.GetUtcNow()}) ON CONFLICT (connection_id) DO NOTHING",
            cancellationToken);
        var reconciliation = await db.SettingsReconciliations
            .FromSql($"SELECT * FROM settings_reconciliations WHERE connection_id = {connectionId} FOR UPDATE")
            .SingleAsync(cancellationToken);
        if (reconciliation.SettingsVersion < run.Settings.SettingsVersion)
        {
            var (evaluated, changed) = await run.SettingsChangedAsync(cancellationToken);
            reconciliation.SettingsVersion = run.Settings.SettingsVersion;
            reconciliation.CollaboratorsEvaluated = evaluated;
            reconciliation.CollaboratorsChanged = changed;
            reconciliation.ReconciledAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return (reconciliation.ToDto(), run.Settings.Realm);
    }
}
