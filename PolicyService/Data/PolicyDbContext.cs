using Microsoft.EntityFrameworkCore;
using Provisioning.PolicyService.Admins;
using Provisioning.PolicyService.Auditing;
using Provisioning.PolicyService.Connections;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.CustomAttributes;
using Provisioning.PolicyService.GroupMappings;
using Provisioning.PolicyService.OAuth.SigningKeys;
using Provisioning.PolicyService.Organizations;
using Provisioning.PolicyService.Policies;

namespace Provisioning.PolicyService.Data;

public sealed class PolicyDbContext(DbContextOptions<PolicyDbContext> options) : DbContext(options)
{
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Connection> Connections => Set<Connection>();
    public DbSet<BearerToken> BearerTokens => Set<BearerToken>();
    public DbSet<AdminAccount> AdminAccounts => Set<AdminAccount>();
    public DbSet<ConnectionPolicy> ConnectionPolicies => Set<ConnectionPolicy>();
    public DbSet<GroupRoleMapping> GroupRoleMappings => Set<GroupRoleMapping>();
    public DbSet<OAuthClient> OAuthClients => Set<OAuthClient>();
    public DbSet<SigningKey> SigningKeys => Set<SigningKey>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<CustomAttributeDeclaration> CustomAttributeDeclarations => Set<CustomAttributeDeclaration>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(PolicyDbContext).Assembly);
}
