using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Provisioning.ScimService.ProvisioningLog;

public sealed class ProvisioningLogEntryConfiguration : IEntityTypeConfiguration<ProvisioningLogEntry>
{
    public void Configure(EntityTypeBuilder<ProvisioningLogEntry> builder)
    {
        builder.ToTable("provisioning_log");
        // The organization leads the key: the log lives with the organization's realm accounts (docs/deployment.md).
        builder.HasKey(e => new { e.OrganizationId, e.Id });
        builder.Property(e => e.Id).UseIdentityByDefaultColumn();
        builder.Property(e => e.Realm).HasConversion<string>().HasMaxLength(32);
        builder.Property(e => e.IdentityProvider).HasMaxLength(64);
        builder.Property(e => e.Operation).HasMaxLength(300);
        builder.Property(e => e.Policy).HasMaxLength(300);
        builder.Property(e => e.Action).HasMaxLength(32);
        builder.Property(e => e.Description).HasMaxLength(1000);
        builder.Property(e => e.Outcome).HasMaxLength(16);
        builder.Property(e => e.TraceId).HasMaxLength(32);
        builder.Property(e => e.CustomAttributes).HasColumnType("jsonb");
        // The log is read newest first within an organization or a connection, often for one user.
        builder.HasIndex(e => new { e.OrganizationId, e.At });
        builder.HasIndex(e => new { e.ConnectionId, e.At });
        builder.HasIndex(e => new { e.ScimUserId, e.At });
    }
}
