using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Provisioning.Contracts;
using Provisioning.PolicyService.Caching;
using Provisioning.PolicyService.Credentials;
using Provisioning.PolicyService.Data;
using Provisioning.PolicyService.Internal;
using Provisioning.PolicyService.OAuth;
using Provisioning.PolicyService.OAuth.SigningKeys;
using Provisioning.PolicyService.Seeding;

namespace Provisioning.PolicyService;

public static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // No retrying execution strategy: its retries take up to half a minute, while every caller
        // (the Gateway's credential check above all) gives up after 2 s and answers 503 itself.
        builder.AddNpgsqlDbContext<PolicyDbContext>("policydb",
            configureSettings: settings =>
            {
                settings.DisableRetry = true;
                settings.ConnectionString = FailFast.BoundedPostgres(settings.ConnectionString);
                // EF sets each command's timeout itself: the string's bound, said to EF.
                settings.CommandTimeout = FailFast.CommandTimeoutOf(settings.ConnectionString);
            },
            configureDbContextOptions: options => options.UseSnakeCaseNamingConvention());

        // Redis is a cache here: when it is away, fail fast and read Postgres instead. For the
        // same reason it does not count towards this service's health.
        builder.AddFailFastRedisClient();
        builder.Services.AddSingleton<AbsentKeys>();
        builder.Services.AddSingleton<SettingsCache>();
        builder.Services.AddOptions<CredentialOptions>()
            .BindConfiguration(CredentialOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<CredentialUsage>();
        builder.Services.AddHostedService<CredentialUsageFlusher>();

        builder.Services.AddOptions<OAuthOptions>()
            .BindConfiguration(OAuthOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<PrivateKeyProtection>();
        builder.Services.AddSingleton<SigningKeyRing>();
        builder.Services.AddSingleton<AccessTokenIssuer>();

        builder.Services.AddInternalApiKeys(presentsOwnKey: false, InternalCaller.Gateway, InternalCaller.ScimService, InternalCaller.AdminUi, InternalCaller.Operator);
        builder.Services.AddOptions<SeedOptions>().BindConfiguration(SeedOptions.Section);
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Auditing.AuditLog>();
        builder.Services.AddSingleton<Organizations.OrganizationSwitch>();

        builder.Services.AddExceptionHandler<Http.DependencyOutageHandler>();
        builder.Services.AddProblemDetails();
        if (builder.Environment.IsDevelopment())
        {
            // Mapped in development only (Program.cs); registered there only, so production loads none of it.
            builder.Services.AddOpenApi();
        }
        builder.Services.Configure<JsonOptions>(options =>
            options.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter<Realm>()));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<Admins.LocalSignInChecks>();
        builder.Services.AddSingleton<Admins.SignInThrottle>();
    }
}
