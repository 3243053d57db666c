using Provisioning.Contracts;
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
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHttpClient<PolicyServiceClient>(client => client.BaseAddress = new Uri("https+http://policyservice"))
            .WithFailFastResilience()
            .WithInternalKey<GatewayOptions>(options => options.InternalApiKey);
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
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
            options.Limits.MaxRequestLineSize = ScimRequestLine.MaxBytes);
        builder.AddTrustedProxies();
        // Sent only over https (a trusted proxy's forwarded https included), never on plain http or to localhost.
        builder.Services.AddHsts(hsts => hsts.MaxAge = TimeSpan.FromDays(365));

        // Redis carries PolicyService's invalidations and the credentials' shared rate-limit buckets. The
        // Gateway works without it (each replica then enforces its own share of every limit), so it fails
        // fast and does not count towards the Gateway's health.
        builder.AddFailFastRedisClient();
        builder.Services.AddSingleton<SettingsInvalidation>();
        builder.Services.AddRedisChannelSubscriber(SettingsKeys.InvalidationChannel,
            provider => provider.GetRequiredService<SettingsInvalidation>().Invalidate);

        builder.Services.AddReverseProxy()
            .LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"))
            .AddServiceDiscoveryDestinationResolver()
            .AddTransforms(context => context
                .AddRequestTransform(ContextSigning.AddSignedContextAsync)
                .AddResponseTransform(RequestDeadline.DisarmOnResponseAsync));
    }
}
