using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Provisioning.ScimService.Data;

/// <summary>Lets `dotnet ef migrations add` build the model without the running app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ScimDbContext>
{
    public ScimDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ScimDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time")
            .UseSnakeCaseNamingConvention()
            .Options);
}
