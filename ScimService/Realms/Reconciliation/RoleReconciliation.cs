using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.ScimService.Realms.Engine;
using Provisioning.ScimService.Realms.Settings;

namespace Provisioning.ScimService.Realms.Reconciliation;

/// <summary>
/// Brings a connection's collaborators' roles up to its newest settings version. Idempotent and
/// safe from several replicas at once: the connection's reconciliation row is locked, and a
/// version already reached answers what reaching it did.
/// </summary>
public sealed class RoleReconciliation(ScimDbContext db, ProvisioningEngine engine, TimeProvider clock)
{
    /// <summary>The connection's settings read fresh, before any transaction, so no lock waits on HTTP.</summary>
    public Task<SettingsLookup> SettingsOfAsync(Guid connectionId, CancellationToken cancellationToken) =>
        engine.FreshSettingsOfAsync(connectionId, cancellationToken);

    /// <summary>Reconciles the roles with <paramref name="settings"/> (from <see cref="SettingsOfAsync"/>). Throws when PostgreSQL cannot answer.</summary>
    public async Task<RolesReconciledDto> ReconcileAsync(ConnectionSettingsDto settings, CancellationToken cancellationToken)
    {
        var connectionId = settings.ConnectionId;
        var run = engine.BeginForAdmin(db, settings);
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
        return reconciliation.ToDto();
    }
}
