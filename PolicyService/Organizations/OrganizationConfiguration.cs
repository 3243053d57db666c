using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Provisioning.PolicyService.Organizations;

public sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.ToTable("organizations");
        builder.Property(o => o.Slug).HasMaxLength(64);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.HasIndex(o => o.Slug).IsUnique();
    }
}
