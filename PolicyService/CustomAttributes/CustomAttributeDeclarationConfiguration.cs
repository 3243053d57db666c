using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.PolicyService.Connections;

namespace Provisioning.PolicyService.CustomAttributes;

public sealed class CustomAttributeDeclarationConfiguration : IEntityTypeConfiguration<CustomAttributeDeclaration>
{
    public void Configure(EntityTypeBuilder<CustomAttributeDeclaration> builder)
    {
        builder.ToTable("custom_attribute_declarations");
        builder.Property(d => d.ResourceType).HasMaxLength(16);
        builder.Property(d => d.SchemaUrn).HasMaxLength(200);
        builder.Property(d => d.Name).HasMaxLength(64);
        builder.Property(d => d.Type).HasConversion<string>().HasMaxLength(16);
        builder.HasIndex(d => d.ConnectionId);
        builder.HasOne<Connection>().WithMany().HasForeignKey(d => d.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
