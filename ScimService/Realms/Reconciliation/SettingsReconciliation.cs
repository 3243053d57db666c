using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.Contracts;

namespace Provisioning.ScimService.Realms.Reconciliation;

/// <summary>
/// The settings version of a connection that roles were last reconciled with, and what that did.
/// PolicyService raises the version on every save; this row is how ScimService knows it is behind.
/// </summary>
public sealed class SettingsReconciliation
{
    public Guid ConnectionId { get; init; }
    public long SettingsVersion { get; set; }
    public int CollaboratorsEvaluated { get; set; }
    public int CollaboratorsChanged { get; set; }
    public DateTimeOffset ReconciledAt { get; set; }

    public RolesReconciledDto ToDto() => new(SettingsVersion, CollaboratorsEvaluated, CollaboratorsChanged);
}

public sealed class SettingsReconciliationConfiguration : IEntityTypeConfiguration<SettingsReconciliation>
{
    public void Configure(EntityTypeBuilder<SettingsReconciliation> builder)
    {
        builder.ToTable("settings_reconciliations");
        builder.HasKey(r => r.ConnectionId);
    }
}
