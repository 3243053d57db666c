using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.PolicyService.Organizations;

namespace Provisioning.PolicyService.Connections;

public sealed class ConnectionConfiguration : IEntityTypeConfiguration<Connection>
{
    public void Configure(EntityTypeBuilder<Connection> builder)
    {
        builder.ToTable("connections");
        builder.Property(c => c.Realm).HasConversion<string>().HasMaxLength(32);
        builder.Property(c => c.UndeclaredAttributes).HasConversion<string>().HasMaxLength(16).HasDefaultValue(Provisioning.Contracts.UndeclaredAttributePolicy.Ignore);
        builder.HasIndex(c => new { c.OrganizationId, c.Realm }).IsUnique();
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}
