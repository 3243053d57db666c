using Provisioning.Gateway.Authentication;
using Provisioning.Gateway.Caching;
using Provisioning.Gateway.Context;
using Provisioning.Gateway.Forwarding;
using Provisioning.Gateway.RateLimiting;
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

        builder.Services.AddProblemDetails();
        builder.Services.AddMemoryCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<PolicyServiceClient>(client => client.BaseAddress = new Uri("https+http://policyservice"))
            .WithFailFastResilience();
        builder.Services.AddSingleton<CredentialCache>();
        builder.Services.AddSingleton<BearerTokenAuthenticator>();
        builder.Services.AddSingleton<SigningKeySet>();
        builder.Services.AddHostedService<SigningKeyRefresher>();
        builder.Services.AddSingleton<AccessTokenValidator>();
        builder.Services.AddSingleton<ScimAuthenticator>();
        builder.Services.AddSingleton<ContextSigning>();
        builder.Services.AddCredentialRateLimiting();
        AddressLimits.AddTo(builder.Services);
        builder.Services.AddRequestTimeouts();
        builder.AddTrustedProxies();
        // Sent only over https (a trusted proxy's forwarded https included), never on plain http or to localhost.
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

        // Redis only carries PolicyService's invalidations here: the Gateway works without it,
        // so it fails fast and does not count towards the Gateway's health.
        builder.AddRedisClient("redis",
            settings => settings.DisableHealthChecks = true,
            options =>
            {
                options.AbortOnConnectFail = false;
                options.ConnectTimeout = 1000;
                options.BacklogPolicy = StackExchange.Redis.BacklogPolicy.FailFast;
            });
        builder.Services.AddSingleton<SettingsInvalidation>();
        builder.Services.AddHostedService<SettingsInvalidationSubscriber>();

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context => context.AddRequestTransform(ContextSigning.AddSignedContextAsync));
    }
}
