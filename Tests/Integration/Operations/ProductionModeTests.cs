using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Provisioning.Contracts;
using Provisioning.Tests.Integration.Infrastructure;

namespace Provisioning.Tests.Integration.Operations;

/// <summary>
/// The AppHost in Production: every secret supplied by the operator, nothing of the demo. It runs
/// in the shared collection, one app at a time, since two cores cannot run two systems at once.
/// </summary>
[Collection(ProvisioningAppCollection.Name)]
public sealed class ProductionModeTests
{
    private static readonly string[] Secrets =
    [
        "context-signing-key", "signing-key-protection-key", "admin-ui-key-ring-protection-key", "postgres-password", "redis-password",
        "scimdb-password", "policydb-password",
        .. Enum.GetValues<InternalCaller>().Select(ProvisioningApp.KeyParameter),
    ];

    [Fact]
    public async Task InProductionNoDemoOrganizationTokenOrGeneratedSecretExistsAndOpenApiIsOff()
    {
        var dataDirectory = ProvisioningApp.NewDataDirectory("provisioning-production-");
        try
        {
            await InProductionNoDemoOrganizationTokenOrGeneratedSecretExistsAndOpenApiIsOffAsync(dataDirectory);
        }
        finally
        {
            ProvisioningApp.DeleteDataDirectory(dataDirectory);
        }
    }

    private static async Task InProductionNoDemoOrganizationTokenOrGeneratedSecretExistsAndOpenApiIsOffAsync(string dataDirectory)
    {
        var values = Secrets.ToDictionary(name => name, _ => Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        await using var app = await StartAsync(dataDirectory, values);

        using var policy = app.CreateHttpClient("policyservice", "http");
        policy.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, values[ProvisioningApp.KeyParameter(InternalCaller.Operator)]);
        using (var demo = await policy.GetAsync("/internal/organizations/by-slug/demo"))
        {
            Assert.Equal(HttpStatusCode.NotFound, demo.StatusCode);
        }
        Assert.Empty(await (await policy.GetAsync("/internal/organizations")).Content.ReadFromJsonAsync<OrganizationSummaryDto[]>() ?? []);
        using (var openApi = await policy.GetAsync("/internal/openapi/v1.json"))
        {
            Assert.Equal(HttpStatusCode.NotFound, openApi.StatusCode);
        }
        Assert.False(File.Exists(Path.Combine(dataDirectory, "secrets.json")), "a generated secrets file");
        Assert.False(File.Exists(Path.Combine(dataDirectory, "credentials.json")), "a demo credentials file");

        await ForwardedHeadersFromAnUntrustedAddressAreIgnoredAsync(app, values);
        await EveryServiceSamplesATenthOfTracesWhereTheyStartAsync(app);
    }

    /// <summary>
    /// Production records a tenth of the traces, decided where a trace starts and followed downstream
    /// (docs/observability.md#sampling); outside production every trace is recorded, as the span-counting tests need.
    /// </summary>
    private static async Task EveryServiceSamplesATenthOfTracesWhereTheyStartAsync(DistributedApplication app)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        foreach (var service in new[] { "gateway", "scimservice", "policyservice", "adminui" })
        {
            var started = await app.ResourceNotifications.WaitForResourceAsync(service,
                e => e.Snapshot.EnvironmentVariables.Any(v => v.Name == "OTEL_TRACES_SAMPLER"), timeout.Token);
            var variables = started.Snapshot.EnvironmentVariables.ToDictionary(v => v.Name, v => v.Value);
            Assert.Equal("parentbased_traceidratio", variables["OTEL_TRACES_SAMPLER"]);
            Assert.Equal("0.1", variables.GetValueOrDefault("OTEL_TRACES_SAMPLER_ARG"));
        }
    }

    /// <summary>No proxy is trusted by default in production: a client claiming https on another host changes nothing.</summary>
    private static async Task ForwardedHeadersFromAnUntrustedAddressAreIgnoredAsync(DistributedApplication app, Dictionary<string, string> values)
    {
        using var @operator = app.CreateHttpClient("policyservice", "http");
        @operator.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, values[ProvisioningApp.KeyParameter(InternalCaller.Operator)]);
        var slug = "tls-" + Guid.NewGuid().ToString("N")[..8];
        var organization = await Tenants.ReadAsync<OrganizationDto>(await @operator.PostAsJsonAsync("/internal/organizations", new CreateOrganizationRequest(slug, "TLS")));
        using var adminUi = app.CreateHttpClient("policyservice", "http");
        adminUi.DefaultRequestHeaders.Add(InternalHeaders.ApiKey, values[ProvisioningApp.KeyParameter(InternalCaller.AdminUi)]);
        var connection = await Tenants.ReadAsync<ConnectionDto>(await adminUi.PutAsJsonAsync($"/internal/organizations/{organization.Id}/connections/Dashboard", new UpdateConnectionRequest(true)));
        var token = await Tenants.ReadAsync<CreatedTokenDto>(await adminUi.PostAsJsonAsync($"/internal/connections/{connection.Id}/tokens", new CreateTokenRequest(null)));

        using var gateway = app.CreateHttpClient("gateway", "http");
        gateway.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        gateway.DefaultRequestHeaders.Add("X-Forwarded-Host", "evil.example");
        using var config = new HttpRequestMessage(HttpMethod.Get, "/scim/v2/ServiceProviderConfig");
        config.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.Token);
        using var answer = await gateway.SendAsync(config);
        var location = System.Text.Json.Nodes.JsonNode.Parse(await answer.Content.ReadAsStringAsync())!["meta"]!["location"]!.GetValue<string>();
        Assert.StartsWith($"http://{gateway.BaseAddress!.Authority}/scim/v2/", location);
        Assert.False(answer.Headers.Contains("Strict-Transport-Security"));

        using var signIn = await gateway.GetAsync("/sign-in");
        Assert.False(signIn.Headers.Contains("Strict-Transport-Security"));
        Assert.All(signIn.Headers.GetValues("Set-Cookie"), cookie => Assert.DoesNotContain("; secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task InProductionAMissingSecretStopsStartUpWithItsName()
    {
        var dataDirectory = ProvisioningApp.NewDataDirectory("provisioning-production-");
        var values = Secrets.Where(name => name != "operator-api-key").ToDictionary(name => name, _ => new string('k', 48));

        var failure = await Assert.ThrowsAnyAsync<Exception>(async () => await (await BuildAsync(dataDirectory, values)).DisposeAsync());

        Assert.Contains("'operator-api-key' is required in production", failure.ToString());
        Assert.False(File.Exists(Path.Combine(dataDirectory, "secrets.json")));
        ProvisioningApp.DeleteDataDirectory(dataDirectory);
    }

    private static async Task<DistributedApplication> BuildAsync(string dataDirectory, Dictionary<string, string> values)
    {
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.AppHost>(
            [
                $"Infrastructure:DataDirectory={dataDirectory}",
                "Gateway:Port=0",
                // The AppHost's development launch profile, which the testing builder applies, makes it anonymous.
                "ASPIRE_DASHBOARD_UNSECURED_ALLOW_ANONYMOUS=false",
                .. values.Select(v => $"Parameters:{v.Key}={v.Value}"),
            ],
            (options, settings) => settings.EnvironmentName = "Production");
        foreach (var project in builder.Resources.OfType<ProjectResource>())
        {
            builder.CreateResourceBuilder(project).WithEnvironment(context => context.EnvironmentVariables.Remove("OTEL_EXPORTER_OTLP_ENDPOINT"));
        }
        return await builder.BuildAsync();
    }

    private static async Task<DistributedApplication> StartAsync(string dataDirectory, Dictionary<string, string> values)
    {
        var app = await BuildAsync(dataDirectory, values);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await app.StartAsync(timeout.Token);
        await app.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);
        return app;
    }
}
