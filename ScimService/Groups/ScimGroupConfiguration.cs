using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Provisioning.ScimService.Groups;

public sealed class ScimGroupConfiguration : IEntityTypeConfiguration<ScimGroup>
{
    public void Configure(EntityTypeBuilder<ScimGroup> builder)
    {
        builder.ToTable("scim_groups");
        // The connection leads every key, so the table can be distributed by it (docs/deployment.md).
        builder.HasKey(g => new { g.ConnectionId, g.Id });
        builder.Property(g => g.Attributes).HasColumnType("jsonb");
        builder.Property(g => g.CustomValues).HasColumnType("jsonb").HasDefaultValueSql("'{}'::jsonb");
        // jsonb_path_ops answers the @> containment a filter on a declared string attribute adds.
        builder.HasIndex(g => g.CustomValues).HasMethod("gin").HasOperators("jsonb_path_ops");
        builder.Property(g => g.Version).IsConcurrencyToken();
        builder.HasIndex(g => new { g.ConnectionId, g.DisplayNameKey }).IsUnique();
        builder.HasIndex(g => new { g.ConnectionId, g.ExternalId });
    }
}

public sealed class GroupMemberConfiguration : IEntityTypeConfiguration<GroupMember>
{
    public void Configure(EntityTypeBuilder<GroupMember> builder)
    {
        builder.ToTable("scim_group_members");
        builder.HasKey(m => new { m.ConnectionId, m.GroupId, m.MemberId });
        builder.Property(m => m.MemberType).HasMaxLength(8);
        // "Which groups is this user in" (users' groups attribute, role computation) without a scan.
        builder.HasIndex(m => new { m.ConnectionId, m.MemberId });
        builder.HasOne<ScimGroup>().WithMany().HasForeignKey(m => new { m.ConnectionId, m.GroupId }).OnDelete(DeleteBehavior.Cascade);
    }
}
