using Microsoft.Extensions.Hosting;

namespace Provisioning.AppHost;

/// <summary>
/// <c>DOTNET_ENVIRONMENT=Production</c> on the AppHost: every service runs in Production, nothing
/// of the demo runs (no seed, no generated secret, no credentials file), data is durable, and the
/// Aspire dashboard is not anonymous.
/// </summary>
public static class ProductionMode
{
    public static bool IsOn(IDistributedApplicationBuilder builder) => builder.Environment.IsProduction();

    /// <summary>Stops start-up on settings that contradict production, naming each.</summary>
    public static void Check(IDistributedApplicationBuilder builder)
    {
        if (!IsOn(builder))
        {
            return;
        }
        if (string.Equals(builder.Configuration["ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS"], "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=true is refused in production: the dashboard shows every resource's "
                + "environment and logs. Unset it; the dashboard then asks for the browser token the AppHost prints.");
        }
        if (!builder.Configuration.GetValue("Infrastructure:Durable", defaultValue: true))
        {
            throw new InvalidOperationException("Infrastructure:Durable=false is refused in production: PostgreSQL holds the record.");
        }
    }

    /// <summary>Every project runs in the AppHost's environment, whatever its own launch profile says, samples traces as it does, and keeps its native heap small.</summary>
    public static IResourceBuilder<ProjectResource> InAppHostEnvironment(this IResourceBuilder<ProjectResource> project, IDistributedApplicationBuilder builder) =>
        project
            .WithEnvironment("DOTNET_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithEnvironment("ASPNETCORE_ENVIRONMENT", builder.Environment.EnvironmentName)
            .WithTraceSampling(builder)
            .WithFewNativeArenas();
}
