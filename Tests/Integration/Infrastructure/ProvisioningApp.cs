using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Provisioning.Contracts;
using Provisioning.ScimService;
using Provisioning.Tests.Reliability;
using StackExchange.Redis;

namespace Provisioning.Tests.Integration.Infrastructure;

/// <summary>
/// The whole system, started once for all integration tests: real PostgreSQL and Redis,
/// the four projects, the real Gateway. Each test makes its own organization and connection.
/// </summary>
public class ProvisioningApp : IAsyncLifetime
{
    private readonly IReadOnlyList<string> _settings;

    public ProvisioningApp() : this([])
    {
    }

    private ProvisioningApp(IReadOnlyList<string> settings) => _settings = settings;

    /// <summary>A system of its own with extra AppHost settings, for a test the shared one cannot serve (two replicas, say).</summary>
    public static ProvisioningApp With(params string[] settings) => new(settings);

    private readonly string _dataDirectory = NewDataDirectory("provisioning-tests-");

    /// <summary>A connection of the test's own to the system's Redis, for tests that read or race what the services keep there.</summary>
    public async Task<ConnectionMultiplexer> ConnectRedisAsync() =>
        await ConnectionMultiplexer.ConnectAsync((await App.GetConnectionStringAsync("redis"))!);

    /// <summary>ScimService's model on a connection of the test's own to scimdb, configured as the service configures it.</summary>
    public async Task<ScimDbContext> CreateScimDbContextAsync(params IInterceptor[] interceptors) =>
        new(new DbContextOptionsBuilder<ScimDbContext>()
            .UseNpgsql(await App.GetConnectionStringAsync("scimdb")).UseSnakeCaseNamingConvention().AddInterceptors(interceptors).Options);

    /// <summary>
    /// A fresh folder for an AppHost's local data, in the temp directory and searchable by everyone, so the postgres
    /// user keeps its cluster inside it. A private folder (<see cref="Directory.CreateTempSubdirectory"/>) sends the
    /// cluster to /var/tmp/provisioning instead (LocalPostgres), where deleting the folder leaves it behind.
    /// </summary>
    public static string NewDataDirectory(string prefix) =>
        Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), prefix + Guid.NewGuid().ToString("N")[..12])).FullName;

    /// <summary>Deletes a data folder once its AppHost has stopped; one a server is still closing files in stays, in the temp directory.</summary>
    public static void DeleteDataDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>Where every service's traces, logs and metrics go (OTLP/HTTP), for tests that read them.</summary>
    public TelemetryReceiver Telemetry { get; private set; } = null!;
    /// <summary>Each calling service's own internal key (the AppHost's <c>*-api-key</c> parameters).</summary>
    public IReadOnlyDictionary<InternalCaller, string> Keys { get; } = Enum.GetValues<InternalCaller>().ToDictionary(c => c, _ => Secret());
    public string ContextSigningKey { get; } = Secret();
    public string SigningKeyProtectionKey { get; } = Secret();

    /// <summary>The PostgreSQL superuser's password: only the AppHost holds it, and tests that check what the services' roles may not do.</summary>
    public string PostgresPassword { get; } = Secret();

    /// <summary>The development seed admin's password (its email is the AppHost's <c>DevelopmentSeed.AdminEmail</c>).</summary>
    public string SeedAdminPassword { get; } = Secret();

    /// <summary>How long the whole system may take to start and become healthy.</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromMinutes(4);

    /// <summary>
    /// Whether the Aspire dashboard runs, for a test that photographs it; then the services export
    /// their telemetry to the dashboard instead of to <see cref="Telemetry"/>.
    /// </summary>
    protected virtual bool ShowsDashboard => false;

    /// <summary>AppHost configuration on top of the shared defaults, e.g. replica counts.</summary>
    protected virtual IEnumerable<string> ExtraArguments => [];

    public async Task InitializeAsync()
    {
        Telemetry = await TelemetryReceiver.StartAsync();
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(new DistributedApplicationTestingBuilderOptions { EnableDashboard = ShowsDashboard },
        [
            $"Infrastructure:DataDirectory={_dataDirectory}",
            "Infrastructure:Durable=false",
            "Gateway:Port=0",
            .. Keys.Select(k => $"Parameters:{KeyParameter(k.Key)}={k.Value}"),
            $"Parameters:context-signing-key={ContextSigningKey}",
            $"Parameters:admin-password={SeedAdminPassword}",
            $"Parameters:signing-key-protection-key={SigningKeyProtectionKey}",
            $"Parameters:postgres-password={PostgresPassword}",
            .. _settings,
            .. ExtraArguments,
        ]);
        foreach (var project in builder.Resources.OfType<ProjectResource>().Where(_ => !ShowsDashboard))
        {
            // No dashboard runs under test: the services export to the test's own receiver instead, in
            // short batches, so a test can read what they exported about its requests seconds later.
            builder.CreateResourceBuilder(project).WithEnvironment(context =>
            {
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_ENDPOINT"] = Telemetry.Endpoint.ToString().TrimEnd('/');
                context.EnvironmentVariables["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                context.EnvironmentVariables["OTEL_BSP_SCHEDULE_DELAY"] = "500";
                context.EnvironmentVariables["OTEL_BLRP_SCHEDULE_DELAY"] = "500";
                context.EnvironmentVariables["OTEL_METRIC_EXPORT_INTERVAL"] = "2000";
            });
        }
        // Warnings and errors of every resource reach the test output: a failing run says why.
        builder.Services.AddLogging(logging => logging
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("AppHost.Resources", LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Error));
        // lastUsedAt is written in batches; under test the batches come every two seconds, not every fifteen.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "policyservice"))
            .WithEnvironment("Credentials__UsageFlushInterval", "00:00:02");
        // Aspire's endpoint proxy holds a connection open while ScimService is down, so the Gateway
        // notices only when YARP's activity timeout passes; under test that is seconds, not minutes.
        builder.CreateResourceBuilder(builder.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway"))
            .WithEnvironment("ReverseProxy__Clusters__scim__HttpRequest__ActivityTimeout", "00:00:08")
            // A SCIM request's deadline: as in production (2.5 s) in the full reliability run. Beside the
            // whole suite on two cores requests queue for seconds, and a deadline cuts work that would have
            // succeeded; there it sits where the activity timeout above already cut requests.
            .WithEnvironment("Gateway__RequestDeadline", ReliabilityRun.Full ? "00:00:02.5" : "00:00:08")
            // Every test reaches the Gateway from the same loopback address. The bursts stay as in
            // production; the buckets refill within seconds, so a test that empties one can wait for it.
            .WithEnvironment("AddressLimits__FailedTokenRequests__PerSecond", "10")
            .WithEnvironment("AddressLimits__FailedSignIns__PerSecond", "10");
        App = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(StartTimeout);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }
        if (Telemetry is not null)
        {
            await Telemetry.DisposeAsync();
        }
        DeleteDataDirectory(_dataDirectory);
    }

    /// <summary>The running dashboard's address, with the credential that signs a browser in (only when <see cref="ShowsDashboard"/>).</summary>
    public async Task<Uri> DashboardUrlAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await App.GetDashboardUrlAsync(timeout.Token);
    }

    /// <summary>A client for the public door, as an IdP or a browser reaches it.</summary>
    public HttpClient CreateGatewayClient() => App.CreateHttpClient("gateway", "http");

    /// <summary>The Gateway's address, as a browser is given it.</summary>
    public Uri GatewayUrl => App.GetEndpoint("gateway", "http");

    /// <summary>Every resource that declares a health check: the servers and the four projects.</summary>
    public IEnumerable<IResource> ResourcesWithHealth() =>
        App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .Where(r => r.Annotations.OfType<HealthCheckAnnotation>().Any());

    /// <summary>The AppHost's parameter that holds the caller's key, e.g. <c>gateway-api-key</c>.</summary>
    public static string KeyParameter(InternalCaller caller) => caller.ToString().ToLowerInvariant() + "-api-key";

    private static string Secret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}

[CollectionDefinition(Name)]
public sealed class ProvisioningAppCollection : ICollectionFixture<ProvisioningApp>, ICollectionFixture<Browser.Chromium>
{
    public const string Name = "Provisioning app";
}
