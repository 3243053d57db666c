using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Users;

namespace Provisioning.ScimService.Data;

public sealed class ScimDbContext(DbContextOptions<ScimDbContext> options) : DbContext(options)
{
    public DbSet<ScimUser> Users => Set<ScimUser>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ScimDbContext).Assembly);
}
