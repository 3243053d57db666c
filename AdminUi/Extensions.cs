using Microsoft.AspNetCore.HttpOverrides;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;

namespace Provisioning.AdminUi;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminUiOptions>()
            .BindConfiguration(AdminUiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddAdminAuthentication();
        builder.Services.AddHttpClient<PolicyServiceClient>(client => client.BaseAddress = new Uri("https+http://policyservice"));
        builder.Services.AddHttpClient<DirectoryClient>(client => client.BaseAddress = new Uri("https+http://scimservice"));
        builder.Services.AddHttpClient<ConnectionTester>();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Pages are reached through the Gateway; its forwarded headers carry the public URL.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
    }
}
