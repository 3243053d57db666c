using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.PolicyService.Connections;

namespace Provisioning.PolicyService.Policies;

public sealed class ConnectionPolicyConfiguration : IEntityTypeConfiguration<ConnectionPolicy>
{
    public void Configure(EntityTypeBuilder<ConnectionPolicy> builder)
    {
        builder.ToTable("connection_policies");
        builder.HasKey(p => p.ConnectionId);
        builder.Property(p => p.OnCreate).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.OnDeactivate).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.DefaultRole).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Connection>().WithOne().HasForeignKey<ConnectionPolicy>(p => p.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
