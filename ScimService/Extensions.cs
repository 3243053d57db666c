using Provisioning.Contracts;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.EntityFrameworkCore;
using Provisioning.ScimService.CustomAttributes;
using Provisioning.ScimService.Groups;
using Provisioning.ScimService.Http;
using Provisioning.ScimService.Realms.Engine;
using Provisioning.ScimService.Realms.Reconciliation;
using Provisioning.ScimService.Realms.Settings;
using Provisioning.ScimService.Tenancy;
using Provisioning.ScimService.Writes;

namespace Provisioning.ScimService;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Writes run in explicit transactions (a SCIM change and what it causes land together),
        // which a retrying execution strategy cannot replay; failures surface instead, within the
        // connection string's bounds, as 503 with Retry-After (DependencyOutageHandler).
        builder.AddNpgsqlDbContext<ScimDbContext>("scimdb",
            configureSettings: settings =>
            {
                settings.DisableRetry = true;
                // A frozen server costs a command its timeout plus one connect timeout (FailFast.BoundedPostgres):
                // 2 s + 1 s. A 1 s command bound cut legitimate reads of groups with 10,000 members under load.
                settings.ConnectionString = FailFast.BoundedPostgres(settings.ConnectionString, connectSeconds: 1, commandSeconds: 2);
                settings.CommandTimeout = FailFast.CommandTimeoutOf(settings.ConnectionString);
            },
            configureDbContextOptions: options => options.UseSnakeCaseNamingConvention().AddInterceptors(new Writes.CommitWithSave()));

        builder.Services.AddOptions<TenancyOptions>()
            .BindConfiguration(TenancyOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Accepts the Admin UI's key; presents its own (InternalApi:Key) to PolicyService.
        builder.Services.AddInternalApiKeys(presentsOwnKey: true, InternalCaller.AdminUi);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<DependencyOutageHandler>();
        builder.AddProvisioningEngine();

        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options =>
        {
            // The Gateway caps bodies for clients; this is the service's own guard behind it.
            options.Limits.MaxRequestBodySize = Bulk.BulkLimits.MaxPayloadBytes + 64 * 1024;
            // The Gateway passes the query on as the client sent it.
            options.Limits.MaxRequestLineSize = ScimRequestLine.MaxBytes;
        });
        builder.Services.AddSingleton(TimeProvider.System);
    }

    /// <summary>
    /// The /scim/v2 route group, its filters outermost first: protocol errors become SCIM error
    /// JSON; the Gateway's signed tenant context is verified before anything else is read; the
    /// connection's schema is attached; the call's query parameters are checked before the endpoint runs.
    /// </summary>
    public static RouteGroupBuilder MapScimRoutes(this IEndpointRouteBuilder app) =>
        app.MapGroup("/scim/v2").WithScimErrors().RequireSignedContext().WithConnectionSchema().WithScimCalls();

    /// <summary>The engine, and the settings it reads: PolicyService over HTTP, kept in memory, dropped on Redis invalidations.</summary>
    private static void AddProvisioningEngine(this IHostApplicationBuilder builder)
    {
        // Redis only carries invalidations here; while it is away entries expire on their own.
        builder.AddFailFastRedisClient();
        builder.Services.AddHttpClient<PolicyServiceClient>(client => client.BaseAddress = new Uri("https+http://policyservice"))
            .WithFailFastResilience()
            .WithInternalKey<InternalApiOptions>(options => options.Key);
        builder.Services.AddSingleton<ConnectionSettingsCache>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSettingsInvalidations();
        builder.Services.AddScoped<ProvisioningEngine>();
        builder.Services.AddScoped<ScimWrites>();
        builder.Services.AddScoped<MembershipDeltas>();
        builder.Services.AddScoped<RoleReconciliation>();
        builder.Services.AddSingleton<SettingsReconciler>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SettingsReconciler>());
    }
}
