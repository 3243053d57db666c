using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.PolicyService.Connections;

namespace Provisioning.PolicyService.GroupMappings;

public sealed class GroupRoleMappingConfiguration : IEntityTypeConfiguration<GroupRoleMapping>
{
    public void Configure(EntityTypeBuilder<GroupRoleMapping> builder)
    {
        builder.ToTable("group_role_mappings");
        builder.HasKey(m => new { m.ConnectionId, m.GroupId });
        builder.Property(m => m.GroupName).HasMaxLength(256);
        builder.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<Connection>().WithMany().HasForeignKey(m => m.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
