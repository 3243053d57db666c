using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.Data;
using Provisioning.ScimService.Tenancy;

namespace Provisioning.ScimService;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<ScimDbContext>("scimdb",
            configureDbContextOptions: options => options.UseSnakeCaseNamingConvention());

        builder.Services.AddOptions<TenancyOptions>()
            .BindConfiguration(TenancyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Only the Gateway reaches this service (every SCIM request carries its signed
            // context), so the forwarded headers it sets are the public URL the client used.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
        builder.Services.AddSingleton(TimeProvider.System);
    }
}
