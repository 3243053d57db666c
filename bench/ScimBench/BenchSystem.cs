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

public sealed record BenchTenant(Guid ConnectionId, HttpClient Scim);

/// <summary>The whole system on throw-away data: the same AppHost the tests start, without durability.</summary>
public sealed class BenchSystem : IAsyncDisposable
{
    private readonly string _dataDirectory;
    /// <summary>The Admin UI's key; the operator's is the same with "-operator" after it.</summary>
    private readonly string _internalKey;

    private BenchSystem(DistributedApplication app, string dataDirectory, string internalKey)
    {
        App = app;
        _dataDirectory = dataDirectory;
        _internalKey = internalKey;
    }

    public DistributedApplication App { get; }

    public static async Task<BenchSystem> StartAsync()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "provisioning-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dataDirectory);
        var internalKey = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
        [
            $"Infrastructure:DataDirectory={dataDirectory}",
            "Infrastructure:Durable=false",
            "Gateway:Port=0",
            $"Parameters:adminui-api-key={internalKey}",
            $"Parameters:operator-api-key={internalKey}-operator",
        ]);
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project)
                .WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"))
                // Request logging would be measured too; warnings are enough here.
                .WithEnvironment("Logging__LogLevel__Default", "Warning");
        }
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Error)
            .AddFilter("System.Net.Http", LogLevel.Error)
            .AddFilter("AppHost.Resources", LogLevel.None)
            // Health probes fail while the system stops at the end; that is not a result.
            .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        var app = await builder.BuildAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        return new BenchSystem(app, dataDirectory, internalKey);
    }

    public async Task<BenchTenant> CreateTenantAsync()
    {
        using var @operator = App.CreateHttpClient("policyservice", "http");
        @operator.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, _internalKey + "-operator");
        using var policy = App.CreateHttpClient("policyservice", "http");
        policy.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, _internalKey);
        var slug = "bench-" + Guid.NewGuid().ToString("N")[..12];
        var organization = await ReadAsync<OrganizationDto>(await @operator.PostAsJsonAsync("/internal/organizations", new CreateOrganizationRequest(slug, slug)));
        var connection = await ReadAsync<ConnectionDto>(await policy.PutAsJsonAsync(
            $"/internal/organizations/{organization.Id}/connections/{Realm.Dashboard}", new UpdateConnectionRequest(true)));
        var token = await ReadAsync<CreatedTokenDto>(await policy.PostAsJsonAsync($"/internal/connections/{connection.Id}/tokens", new CreateTokenRequest(null)));
        var scim = App.CreateHttpClient("gateway", "http");
        scim.BaseAddress = new Uri(scim.BaseAddress!, "/scim/v2/");
        scim.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        return new BenchTenant(connection.Id, scim);
    }

    public async Task<string?> ScimDbConnectionStringAsync() => await App.GetConnectionStringAsync("scimdb");

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

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response)
    {
        using (response)
        {
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<T>())!;
        }
    }
}
