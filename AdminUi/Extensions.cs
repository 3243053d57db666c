using Provisioning.Contracts;
using Microsoft.AspNetCore.HttpOverrides;
using Provisioning.AdminUi.Authentication;
using Provisioning.AdminUi.Clients;

namespace Provisioning.AdminUi;

public static class Extensions
{
    /// <summary>
    /// An admin waits for these calls: one quick retry and a 10-second budget, so a service that is
    /// down shows its banner within seconds rather than after the default 30.
    /// </summary>
    // A 429 from our own services is an answer (a sign-in paused), not a fault: retried, or
    // counted towards the circuit breaker, a burst of guesses would open the circuit for every admin.
    private static IHttpClientBuilder WithPageResilience(this IHttpClientBuilder client) =>
        client.WithBoundedResilience(TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200), IsFault);

    private static bool IsFault(Polly.Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != System.Net.HttpStatusCode.TooManyRequests
        && Microsoft.Extensions.Http.Resilience.HttpClientResiliencePredicates.IsTransient(outcome);

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AdminUiOptions>()
            .BindConfiguration(AdminUiOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.AddSharedKeyRing();
        builder.Services.AddAdminAuthentication();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddHttpClient<PolicyServiceClient>(client => client.BaseAddress = new Uri("https+http://policyservice"))
            .WithPageResilience()
            .WithInternalKey<AdminUiOptions>(options => options.InternalApiKey);
        builder.Services.AddHttpClient<DirectoryClient>(client => client.BaseAddress = new Uri("https+http://scimservice"))
            .WithPageResilience()
            .WithInternalKey<AdminUiOptions>(options => options.InternalApiKey);
        builder.Services.AddHttpClient<RealmsClient>(client => client.BaseAddress = new Uri("https+http://scimservice"))
            .WithPageResilience()
            .WithInternalKey<AdminUiOptions>(options => options.InternalApiKey);
        builder.Services.AddHttpClient<ConnectionTester>().WithPageResilience();
        builder.Services.Configure<ForwardedHeadersOptions>(options =>
        {
            // Pages are reached only through the Gateway (the network policies let nothing else in). It
            // honours forwarded headers from its trusted proxies only and replaces any a client sent,
            // so the ones it sets carry the public URL and the browser's address.
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            options.KnownIPNetworks.Clear();
            options.KnownProxies.Clear();
        });
    }
}
