using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.ProvisioningLog;
using Provisioning.ScimService.Realms.Accounts;
using Provisioning.ScimService.Realms.Devices;
using Provisioning.ScimService.Realms.Reconciliation;
using Provisioning.ScimService.Users;

namespace Provisioning.ScimService;

/// <summary>
/// The one model of scimdb. It sits at the root beside <c>Extensions</c> because, like it, it composes
/// every feature (its entity sets name them all); the feature folders depend on it, never on each other through it.
/// </summary>
public sealed class ScimDbContext(DbContextOptions<ScimDbContext> options) : DbContext(options)
{
    public DbSet<ScimUser> Users => Set<ScimUser>();
    public DbSet<ScimGroup> Groups => Set<ScimGroup>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<Employee> Employees => Set<Employee>();
    public DbSet<Collaborator> Collaborators => Set<Collaborator>();
    public DbSet<MdmEmployee> MdmEmployees => Set<MdmEmployee>();
    public DbSet<Device> Devices => Set<Device>();
    public DbSet<DevicePolicy> DevicePolicies => Set<DevicePolicy>();
    public DbSet<ProvisioningLogEntry> ProvisioningLog => Set<ProvisioningLogEntry>();
    public DbSet<SettingsReconciliation> SettingsReconciliations => Set<SettingsReconciliation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ScimDbContext).Assembly);
}
