using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Provisioning.PolicyService.Connections;

namespace Provisioning.PolicyService.Credentials;

public sealed class OAuthClientConfiguration : IEntityTypeConfiguration<OAuthClient>
{
    public void Configure(EntityTypeBuilder<OAuthClient> builder)
    {
        builder.ToTable("oauth_clients");
        builder.Property(c => c.ClientId).HasMaxLength(64);
        builder.Property(c => c.SecretHash).HasMaxLength(64);
        builder.HasIndex(c => c.ClientId).IsUnique();
        builder.HasIndex(c => c.ConnectionId);
        builder.HasOne<Connection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
