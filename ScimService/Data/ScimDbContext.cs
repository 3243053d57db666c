using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Users;

namespace Provisioning.ScimService.Data;

public sealed class ScimDbContext(DbContextOptions<ScimDbContext> options) : DbContext(options)
{
    public DbSet<ScimUser> Users => Set<ScimUser>();
    public DbSet<ScimGroup> Groups => Set<ScimGroup>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ScimDbContext).Assembly);
}
