using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Provisioning.ScimService.Users;

public sealed class ScimUserConfiguration : IEntityTypeConfiguration<ScimUser>
{
    public void Configure(EntityTypeBuilder<ScimUser> builder)
    {
        builder.ToTable("scim_users");
        // The connection leads every key, so the table can be distributed by it (docs/deployment.md).
        builder.HasKey(u => new { u.ConnectionId, u.Id });
        builder.Property(u => u.Attributes).HasColumnType("jsonb");
        builder.Property(u => u.CustomValues).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        // jsonb_path_ops answers the @> containment a filter on a declared string attribute adds.
        builder.HasIndex(u => u.CustomValues).HasMethod("gin").HasOperators("jsonb_path_ops");
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.HasIndex(u => new { u.ConnectionId, u.UserNameKey }).IsUnique();
        builder.HasIndex(u => new { u.ConnectionId, u.ExternalId });
        builder.HasIndex(u => u.EmailValues).HasMethod("gin");
    }
}
