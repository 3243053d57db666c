using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Provisioning.Contracts;

namespace Provisioning.Bench;

public sealed record BenchTenant(Guid OrganizationId, Guid ConnectionId, string Token, HttpClient Scim);

/// <summary>
/// The whole system on throw-away data, through the same AppHost the tests start. The hot-path
/// comparisons run it without durability; the throughput benchmark runs it as production does
/// (<see cref="StartAsync(bool)"/>): Production environment, durable PostgreSQL, every secret a
/// parameter, no seed, traces sampled as the deployment samples them.
/// </summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private readonly string _dataDirectory;
    private readonly IReadOnlyDictionary<string, string> _parameters;

    private BenchSystem(DistributedApplication app, string dataDirectory, IReadOnlyDictionary<string, string> parameters)
    {
        App = app;
        _dataDirectory = dataDirectory;
        _parameters = parameters;
    }

    public DistributedApplication App { get; }

    /// <summary>The key the Gateway signs tenant contexts with, so a benchmark can reach ScimService without it.</summary>
    public string ContextSigningKey => _parameters["context-signing-key"];

    public static async Task<BenchSystem> StartAsync(bool productionLike = false)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "provisioning-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var parameters = new[]
        {
            "context-signing-key", "signing-key-protection-key", "gateway-api-key", "scimservice-api-key", "adminui-api-key",
            "operator-api-key", "policyservice-api-key", "admin-ui-key-ring-protection-key", "postgres-password", "redis-password",
            "scimdb-password", "policydb-password",
        }.ToDictionary(name => name, _ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
        string[] arguments =
        [
            $"Infrastructure:DataDirectory={dataDirectory}",
            "Gateway:Port=0",
            .. parameters.Select(p => $"Parameters:{p.Key}={p.Value}"),
            .. productionLike
                // Durable as in production; pg_stat_statements lets the benchmark count statements per request, and
                // PostgreSQL logs what stalls it (PostgresLog). No dashboard runs under the testing builder, which
                // allows it anonymously all the same.
                ? ["Infrastructure:PostgresStatementStatistics=true", "Infrastructure:PostgresDiagnostics=true", "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=false"]
                : new[] { "Infrastructure:Durable=false" },
        ];
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(arguments,
            (_, host) => host.EnvironmentName = productionLike ? "Production" : "Development");
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                // No collector runs here; the SDK still samples and records spans as it would in production.
                .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"))
                // Request logging would be measured too; warnings are enough here.
                .WithEnvironment("Logging__LogLevel__Default", "Warning");
            foreach (var knob in (Environment.GetEnvironmentVariable("BENCH_SERVICE_ENV") ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries))
            {
                builder.CreateResourceBuilder(project).WithEnvironment(knob.Split('=')[0], knob.Split('=', 2)[1]);
            }
        }
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Error)
            .AddFilter("System.Net.Http", LogLevel.Error)
            .AddFilter("AppHost.Resources", LogLevel.None)
            // Health probes fail while the system stops at the end; that is not a result.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        return new BenchSystem(app, dataDirectory, parameters);
    }

    /// <summary>PolicyService's internal API as the operator tool or the Admin UI reaches it.</summary>
    public HttpClient PolicyService(string caller)
    {
        var client = App.CreateHttpClient("policyservice", "http");
        client.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, _parameters[caller + "-api-key"]);
        return client;
    }

    public async Task<BenchTenant> CreateTenantAsync()
    {
        using var @operator = PolicyService("operator");
        using var policy = PolicyService("adminui");
        var slug = "bench-" + Guid.NewGuid().ToString("N")[..12];
        var organization = await ReadAsync<OrganizationDto>(await @operator.PostAsJsonAsync("/internal/organizations", new CreateOrganizationRequest(slug, slug)));
        var connection = await ReadAsync<ConnectionDto>(await policy.PutAsJsonAsync(
            $"/internal/organizations/{organization.Id}/connections/{Realm.Dashboard}", new UpdateConnectionRequest(true)));
        var token = await ReadAsync<CreatedTokenDto>(await policy.PostAsJsonAsync($"/internal/connections/{connection.Id}/tokens", new CreateTokenRequest(null)));
        var scim = App.CreateHttpClient("gateway", "http");
        scim.BaseAddress = new Uri(scim.BaseAddress!, "/scim/v2/");
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return new BenchTenant(organization.Id, connection.Id, token.Token, scim);
    }

    /// <summary>
    /// scimdb as the superuser, not as ScimService's role: seeding a million rows by COPY and pg_stat_statements
    /// need more than the role may (a 5 s statement timeout, no extensions), and pgbench runs as the superuser too.
    /// </summary>
    public async Task<string?> ScimDbConnectionStringAsync() =>
        new Npgsql.NpgsqlConnectionStringBuilder(await App.GetConnectionStringAsync("scimdb"))
        {
            Username = "postgres",
            Password = _parameters["postgres-password"],
        }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // Left in the temp directory.
        }
    }

    public static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
            return (await response.Content.ReadFromJsonAsync<T>())!;
        }
    }
}
