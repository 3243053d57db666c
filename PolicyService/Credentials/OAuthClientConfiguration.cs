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
        // One live client per connection, held by PostgreSQL even when two replaces run at once.
        builder.HasIndex(c => c.ConnectionId).IsUnique().HasFilter("revoked_at IS NULL").HasDatabaseName("ix_oauth_clients_connection_id_live");
        builder.HasOne<Connection>().WithMany().HasForeignKey(c => c.ConnectionId).OnDelete(DeleteBehavior.Cascade);
    }
}
