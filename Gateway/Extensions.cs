using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Context;
using Yarp.ReverseProxy.Transforms;

namespace Provisioning.Gateway;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GatewayOptions>()
            .BindConfiguration(GatewayOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<PolicyServiceClient>(client => client.BaseAddress = new Uri("https+http://policyservice"));
        builder.Services.AddSingleton<BearerTokenAuthenticator>();
        builder.Services.AddSingleton<ContextSigning>();

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context => context.AddRequestTransform(ContextSigning.AddSignedContextAsync));
    }
}
