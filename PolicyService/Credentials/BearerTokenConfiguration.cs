using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.PolicyService.Connections;

namespace Provisioning.PolicyService.Credentials;

public sealed class BearerTokenConfiguration : IEntityTypeConfiguration<BearerToken>
{
    public void Configure(EntityTypeBuilder<BearerToken> builder)
    {
        builder.ToTable("bearer_tokens");
        builder.Property(t => t.Lookup).HasMaxLength(16);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.HasIndex(t => t.Lookup);
        // NULL slots (revoked, expired) never collide: PostgreSQL treats NULLs as distinct.
        builder.HasIndex(t => new { t.ConnectionId, t.Slot }).IsUnique();
        builder.ToTable(t => t.HasCheckConstraint("ck_bearer_tokens_slot", $"slot BETWEEN 1 AND {TokensApi.MaxActiveTokensPerConnection}"));
        builder.HasOne<Connection>().WithMany().HasForeignKey(t => t.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
